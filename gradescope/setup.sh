#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (its Ubuntu base): it installs
# Node.js 20 from NodeSource's packages, and checks that the single-file grader (lab-grader.mjs, made by
# `npm run build`, shipped in the autograder zip beside this file) runs.
set -euo pipefail
SOURCE="${AUTOGRADER_ROOT:-/autograder}/source"

# lab-grader needs Node.js 20.19 or newer.
node_ok() { node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2> /dev/null; }
if ! node_ok; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq ca-certificates curl gnupg > /dev/null
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash - > /dev/null
  apt-get install -y -qq nodejs > /dev/null
fi
node_ok || { echo "setup.sh: Node.js 20.19 or newer could not be installed (found: $(node --version 2>&1))" >&2; exit 1; }
chmod +x "$SOURCE/run_autograder"
echo "lab-grader $(node "$SOURCE/lab-grader.mjs" --version) on Node.js $(node --version)"
