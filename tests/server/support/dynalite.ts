import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { recoveryTableDefinition } from 'mfa-kit/server/dynamodb';

export interface LocalDynamo {
  client: DynamoDBClient;
  /** A client that retries as the SDK does by default (3 attempts), for load tests. */
  retryingClient(): DynamoDBClient;
  createTable(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** dynalite (DynamoDB on LevelDB, in memory) on a free loopback port. */
export async function startDynalite(): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  return {
    client,
    retryingClient: () =>
      new DynamoDBClient({
        endpoint: `http://127.0.0.1:${port}`,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    async createTable(name) {
      await client.send(new CreateTableCommand(recoveryTableDefinition(name)));
    },
    async stop() {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
