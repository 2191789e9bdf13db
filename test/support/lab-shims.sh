# Sourced before test/support/lab.sh by test/support/lab-script.ts: what makes the lab's commands, unchanged, run
# against a local endpoint ($LAB_ENDPOINT).
set -eu
aws() { command "$LAB_AWS_CLI" --endpoint-url "$LAB_ENDPOINT" "$@"; }
if [ "$LAB_SKIP_SLEEP" = 1 ]; then sleep() { :; }; fi
command -v zip > /dev/null || zip() { python3 -m zipfile -c "$@"; }
# The lab calls https://<apiId>.execute-api.<region>.amazonaws.com/...: send it to the endpoint's data plane,
# and print the status after the body so that the test can read both.
curl() {
  local args=() arg
  for arg in "$@"; do
    if [[ $arg =~ ^https://([a-z0-9]+)\.execute-api\.[a-z0-9-]+\.amazonaws\.com/(.*)$ ]]; then
      arg="$LAB_ENDPOINT/_aws/execute-api/${BASH_REMATCH[1]}/${BASH_REMATCH[2]}"
    fi
    args+=("$arg")
  done
  command curl -sS --max-time 30 -w '\nCURL %{http_code}\n' "${args[@]}"
}
# The lab's optional token check pipes an unpadded base64 segment into jq, which parses it or not depending on
# the token's length, for learners too: it never stops the run.
jq() { command jq "$@" || true; }
