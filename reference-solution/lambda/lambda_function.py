import json

def lambda_handler(event, context):
    return {
        'statusCode': 200,
        'body': json.dumps({
            'message': 'Hello from secured API!',
            'user': event.get('requestContext', {}).get('authorizer', {}).get('claims', {}).get('cognito:username', 'Unknown')
        })
    }
