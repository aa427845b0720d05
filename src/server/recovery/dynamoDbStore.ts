import type { CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { RecoveryCodeStore, StoredRecoveryCodes } from './store.js';

export interface DynamoDbStoreOptions {
  /** An SDK v3 DynamoDB client; wrapped in a document client here. */
  client: DynamoDBClient;
  /** A table with a string partition key `pk` and TTL on `expiresAt` (see `recoveryTableDefinition`). */
  tableName: string;
}

/** The table the store expects: on-demand, partition key `pk`. Turn on TTL for `expiresAt` too. */
export function recoveryTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  };
}

const codesKey = (username: string) => `recovery-codes#${username}`;
const counterKey = (key: string) => `rate#${key}`;

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * Recovery codes in DynamoDB. Consumption is one conditional `UpdateItem` (code unused and the set
 * still current), so it stays single-use across any number of servers.
 */
export function dynamoDbStore(options: DynamoDbStoreOptions): RecoveryCodeStore {
  const TableName = options.tableName;
  const documents = import('@aws-sdk/lib-dynamodb').then((lib) => ({
    lib,
    client: lib.DynamoDBDocumentClient.from(options.client, {
      marshallOptions: { removeUndefinedValues: true },
    }),
  }));

  return {
    async get(username) {
      const { lib, client } = await documents;
      const { Item } = await client.send(
        new lib.GetCommand({ TableName, Key: { pk: codesKey(username) }, ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const { pk: _pk, ...codes } = Item;
      return codes as StoredRecoveryCodes;
    },

    async put(codes) {
      const { lib, client } = await documents;
      await client.send(new lib.PutCommand({ TableName, Item: { pk: codesKey(codes.username), ...codes } }));
    },

    async consume(username, setId, index, usedAt) {
      const { lib, client } = await documents;
      try {
        await client.send(
          new lib.UpdateCommand({
            TableName,
            Key: { pk: codesKey(username) },
            UpdateExpression: `SET #codes[${index}].#usedAt = :usedAt`,
            ConditionExpression: `#setId = :setId AND attribute_exists(#codes[${index}].#hash) AND attribute_not_exists(#codes[${index}].#usedAt)`,
            ExpressionAttributeNames: {
              '#codes': 'codes',
              '#usedAt': 'usedAt',
              '#setId': 'setId',
              '#hash': 'hash',
            },
            ExpressionAttributeValues: { ':usedAt': usedAt, ':setId': setId },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async release(username, setId, index) {
      const { lib, client } = await documents;
      try {
        await client.send(
          new lib.UpdateCommand({
            TableName,
            Key: { pk: codesKey(username) },
            UpdateExpression: `REMOVE #codes[${index}].#usedAt`,
            ConditionExpression: '#setId = :setId',
            ExpressionAttributeNames: { '#codes': 'codes', '#usedAt': 'usedAt', '#setId': 'setId' },
            ExpressionAttributeValues: { ':setId': setId },
          }),
        );
      } catch (error) {
        // The set was regenerated meanwhile: nothing to give back.
        if (!isConditionFailure(error)) throw error;
      }
    },

    async increment(key, expiresAt) {
      const { lib, client } = await documents;
      const { Attributes } = await client.send(
        new lib.UpdateCommand({
          TableName,
          Key: { pk: counterKey(key) },
          UpdateExpression: 'ADD #hits :one SET #expiresAt = if_not_exists(#expiresAt, :expiresAt)',
          ExpressionAttributeNames: { '#hits': 'hits', '#expiresAt': 'expiresAt' },
          // DynamoDB TTL reads epoch seconds.
          ExpressionAttributeValues: { ':one': 1, ':expiresAt': Math.ceil(expiresAt / 1000) },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.hits ?? 0);
    },
  };
}
