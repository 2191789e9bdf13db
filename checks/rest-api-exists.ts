import type { Check, Remediation, TemplateData } from '../src/engine/types.js';
import type { Snapshot } from '../src/snapshot/types.js';
import { CHOSEN_SUFFIX, choiceData } from './support/choice.js';
import { shown } from './support/format.js';
import { IN_OTHER_REGION, missingBecause } from './support/missing.js';
import { seen, UNOBSERVED_MESSAGES, unobserved } from './support/observed.js';
import { conditionValues } from './support/policy.js';
import { buildMethod, CREATE_AUTHORIZER, CREATE_RESOURCE, CREATE_REST_API, READ_ROOT_RESOURCE, REDEPLOY_CLI, unusedStatementId } from './support/remediations.js';
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
      // Everything of Activities 7 to 10 lives in the API: a new one needs all of it.
      text: "Create the REST API with its /hello resource, the Cognito authorizer, GET /hello with its Lambda integration and the function's permission, as Activities 7 to 9 do, then deploy it (Activity 10).",
      commands: [CREATE_REST_API, READ_ROOT_RESOURCE, CREATE_RESOURCE, CREATE_AUTHORIZER, ...(buildMethod('{{statementId}}').commands ?? [])],
      afterAll: REDEPLOY_CLI,
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
      const because = missingBecause(elsewhere, snapshot, lab, (nearMiss) => permissionFor(snapshot, nearMiss.id));
      if (because && because.messageId !== 'inOtherRegion') return because;
      // The default fix builds the API here: it needs the resource's path part and a free statement id.
      const build = { pathPart: lab.names.resourcePath.slice(1), statementId: unusedStatementId(snapshot, lab.names.permissionStatementId) };
      return because
        ? { ...because, data: { ...because.data, ...build } }
        : failed('missing', { region: snapshot.target.region, ...build }, { detail: api.detail });
    }
    const data = { apiName: api.value.name, apiId: api.value.id };
    const chosen = choiceData(snapshot.apigateway.apiChoice);
    return chosen ? passed('existsChosen', { ...data, ...chosen }, snapshot.apigateway.apiChoice) : passed('exists', data);
  },
};

export default check;
