// The lab's Lambda handler, exactly as LAB.md's Activity 6 writes lambda_function.py. Kept as a string so
// that the single-file bundle (and with it `lab-grader demo`) carries it; test/lab-text.test.ts checks it
// against LAB.md itself.
export const LAB_HANDLER_FILE = 'lambda_function.py';

export const LAB_HANDLER_SOURCE = `import json

def lambda_handler(event, context):
    return {
        'statusCode': 200,
        'body': json.dumps({
            'message': 'Hello from secured API!',
            'user': event.get('requestContext', {}).get('authorizer', {}).get('claims', {}).get('cognito:username', 'Unknown')
        })
    }
`;
