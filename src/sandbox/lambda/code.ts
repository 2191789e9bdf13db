// Deployment packages: only inline zips exist here (no S3, no ECR), so other sources fail as AWS would
// fail for a bucket or image that does not exist.

import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { AwsError } from '../service.js';
import type { Input } from '../input.js';

export interface CodePackage {
  zipBase64: string;
  CodeSha256: string;
  CodeSize: number;
}

const invalid = (message: string) => new AwsError('InvalidParameterValueException', message);

/** Reads ZipFile / S3Bucket / ImageUri from a Code structure or an UpdateFunctionCode body. */
export function readCodePackage(code: Input | undefined): CodePackage {
  const zipFile = code?.string('ZipFile');
  if (zipFile === undefined) {
    if (code?.has('S3Bucket')) {
      throw invalid('Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The specified bucket does not exist');
    }
    const image = code?.string('ImageUri');
    if (image !== undefined) throw invalid(`Source image ${image} does not exist. Provide a valid source image.`);
    throw invalid('Please provide a source for function code.');
  }
  const zip = Buffer.from(zipFile, 'base64');
  try {
    unzipSync(zip);
  } catch {
    throw invalid('Could not unzip uploaded file. Please check your file, then try to upload again.');
  }
  return { zipBase64: zip.toString('base64'), CodeSha256: createHash('sha256').update(zip).digest('base64'), CodeSize: zip.length };
}
