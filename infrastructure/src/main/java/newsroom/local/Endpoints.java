package newsroom.local;

/** Where DynamoDB and S3 answer when they are not the embedded emulators (e.g. LocalStack). */
public record Endpoints(String dynamo, String s3) {}
