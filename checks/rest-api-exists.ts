import type { Check, Remediation, TemplateData } from '../src/engine/types.js';
import type { Snapshot } from '../src/snapshot/types.js';
import { CHOSEN_SUFFIX, choiceData } from './support/choice.js';
import { shown } from './support/format.js';
import { IN_OTHER_REGION, missingBecause } from './support/missing.js';
import { seen, UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { conditionValues } from './support/policy.js';
import { failed, passed } from './support/verdict.js';

/** An API keeps its id, resources, stages and permissions when renamed: renaming is the whole fix. */
const RENAME_API: Remediation = {
  text: "Rename the REST API {{nearName}} to the lab's name, {{names.api}}.",
  commands: ['aws apigateway update-rest-api --rest-api-id {{nearId}} --patch-operations op=replace,path=/name,value={{names.api}} --region {{region}}'],
};

/** The statement of the lab function's resource policy whose source ARN is the API `apiId`'s, as template data. */
function permissionFor(snapshot: Snapshot, apiId: string): TemplateData | null {
  const policy = snapshot.lambda.policy;
  if (policy.state !== 'found') return null;
  const statement = policy.value.Statement.find((candidate) =>
    conditionValues(candidate, ['ArnLike', 'ArnEquals'], 'AWS:SourceArn').some((arn) => arn.includes(`:${apiId}/`)),
  );
  return statement === undefined ? null : { statementId: shown(statement.Sid, 'without an id') };
}

const check: Check = {
  meta: {
    id: 'rest-api-exists',
    step: 7,
    title: 'The REST API exists',
    dependsOn: [],
    severity: 'critical',
    kind: 'inspect',
    messages: {
      exists: 'The REST API {{apiName}} exists ({{apiId}}).',
      existsChosen: `The REST API {{apiName}} exists ({{apiId}}); ${CHOSEN_SUFFIX}`,
      missing: 'There is no REST API named {{names.api}} in {{region}}.',
      nearMiss: "The REST API {{nearName}} ({{nearId}}) exists; the lab's name is {{names.api}}.",
      nearMissInUse:
        "The REST API {{nearName}} ({{nearId}}) exists; the lab's name is {{names.api}}, and your function's permission {{statementId}} lets it invoke {{names.function}}.",
      inOtherRegion: `There is no REST API named {{names.api}} in {{region}}: ${IN_OTHER_REGION}`,
      ...UNOBSERVED_MESSAGES,
    },
    remediation: {
      text: 'Create the REST API as in Activity 7.',
      commands: ["API_ID=$(aws apigateway create-rest-api --name {{apiName}} --region {{region}} --query 'id' --output text)"],
      byMessage: { nearMiss: RENAME_API, nearMissInUse: RENAME_API },
    },
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-create-api.html',
    permissions: ['apigateway:GET'],
  },
  evaluate(snapshot, lab) {
    const api = snapshot.apigateway.api;
    if (!seen(api)) return unobserved(api, 'the REST API');
    if (api.state === 'absent') {
      const elsewhere = { nearMisses: snapshot.apigateway.apiNearMisses, inRegions: snapshot.apigateway.apiInRegions };
      return (
        missingBecause(elsewhere, snapshot, lab, (nearMiss) => permissionFor(snapshot, nearMiss.id)) ??
        failed('missing', { region: snapshot.target.region }, { detail: api.detail })
      );
    }
    const data = { apiName: api.value.name, apiId: api.value.id };
    const chosen = choiceData(snapshot.apigateway.apiChoice);
    return chosen ? passed('existsChosen', { ...data, ...chosen }, snapshot.apigateway.apiChoice) : passed('exists', data);
  },
};

export default check;
