// Every AWS region a learner's account can be graded in, per partition (botocore's data/endpoints.json,
// aws-cli 1.45 / botocore 1.43). ISO (air-gapped) partitions are left out: a lab account never lives there.
// When AWS opens a region, add it here; test/collect/regions.test.ts keeps the list well-formed.

export const AWS_REGIONS_BY_PARTITION = {
  aws: [
    'af-south-1',
    'ap-east-1', 'ap-east-2',
    'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
    'ap-south-1', 'ap-south-2',
    'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
    'ca-central-1', 'ca-west-1',
    'eu-central-1', 'eu-central-2',
    'eu-north-1',
    'eu-south-1', 'eu-south-2',
    'eu-west-1', 'eu-west-2', 'eu-west-3',
    'il-central-1',
    'me-central-1', 'me-south-1',
    'mx-central-1',
    'sa-east-1',
    'us-east-1', 'us-east-2',
    'us-west-1', 'us-west-2',
  ],
  'aws-cn': ['cn-north-1', 'cn-northwest-1'],
  'aws-us-gov': ['us-gov-east-1', 'us-gov-west-1'],
  'aws-eusc': ['eusc-de-east-1'],
} as const satisfies Record<string, readonly string[]>;

export type AwsRegion = (typeof AWS_REGIONS_BY_PARTITION)[keyof typeof AWS_REGIONS_BY_PARTITION][number];

export const AWS_REGIONS: readonly AwsRegion[] = Object.values(AWS_REGIONS_BY_PARTITION).flat();

export function isAwsRegion(region: string): region is AwsRegion {
  return (AWS_REGIONS as readonly string[]).includes(region);
}
