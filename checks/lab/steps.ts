// The lab's activities that hold checks, titled as LAB.md titles them.
export const STEP_TITLES: Readonly<Record<number, string>> = {
  3: 'Create Cognito User Pool',
  4: 'Create User Pool Client',
  5: 'Create Test User',
  6: 'Create Lambda Backend Function',
  7: 'Create API Gateway REST API',
  8: 'Create Cognito Authorizer',
  9: 'Attach Method and Lambda Integration',
  10: 'Deploy API and Test',
};
