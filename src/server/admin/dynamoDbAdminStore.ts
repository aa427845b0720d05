import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { MfaPolicy } from '../../core/mfaPolicy.js';
import { dynamoDbAdminAdoption } from './dynamoDbAdminAdoption.js';
import { dynamoDbAdminEvents } from './dynamoDbAdminEvents.js';
import {
  type AdminDocuments,
  BACKFILL_KEY,
  bypassFrom,
  bypassKey,
  END,
  isConditionFailure,
  POLICY_KEY,
  statusFrom,
  statusKey,
} from './dynamoDbAdminTable.js';
import {
  type AdminStore,
  type BackfillCheckpoint,
  decodeCursor,
  encodeCursor,
  type MfaStatusEntry,
} from './store.js';

export { adminTableDefinition } from './dynamoDbAdminTable.js';

export interface DynamoDbAdminStoreOptions {
  /** An SDK v3 DynamoDB client; wrapped in a document client here. */
  client: DynamoDBClient;
  /** A table made from `adminTableDefinition`. */
  tableName: string;
}

/**
 * The admin store in DynamoDB. Each write is one conditional single-item write (PutItem, UpdateItem,
 * DeleteItem), which DynamoDB applies atomically: an event id is written once, a user has one bypass,
 * a bypass ends once. Audit queries read the indexes (eventually consistent, as DynamoDB's GSIs are).
 */
export function dynamoDbAdminStore(options: DynamoDbAdminStoreOptions): AdminStore {
  const TableName = options.tableName;
  const documents: AdminDocuments = import('@aws-sdk/lib-dynamodb').then((lib) => ({
    lib,
    client: lib.DynamoDBDocumentClient.from(options.client, {
      marshallOptions: { removeUndefinedValues: true },
    }),
  }));

  return {
    ...dynamoDbAdminEvents(documents, TableName),
    ...dynamoDbAdminAdoption(documents, TableName),

    async getBypass(username) {
      const { lib, client } = await documents;
      const { Item } = await client.send(
        new lib.GetCommand({ TableName, Key: { pk: bypassKey(username) }, ConsistentRead: true }),
      );
      return Item ? bypassFrom(Item) : undefined;
    },

    async putBypass(record) {
      const { lib, client } = await documents;
      try {
        await client.send(
          new lib.PutCommand({
            TableName,
            Item: {
              ...record,
              pk: bypassKey(record.username),
              tpk: 'bypass',
              tsk: `${record.until}#${record.username}`,
            },
            ConditionExpression: 'attribute_not_exists(pk) OR bypassId = :id',
            ExpressionAttributeValues: { ':id': record.bypassId },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async deleteBypass(username, bypassId) {
      const { lib, client } = await documents;
      try {
        await client.send(
          new lib.DeleteCommand({
            TableName,
            Key: { pk: bypassKey(username) },
            ConditionExpression: 'bypassId = :id',
            ExpressionAttributeValues: { ':id': bypassId },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async putStatus(entry) {
      const { lib, client } = await documents;
      await client.send(
        new lib.PutCommand({
          TableName,
          Item: { ...entry, pk: statusKey(entry.username), tpk: 'status', tsk: entry.username },
        }),
      );
    },

    async getStatus(username) {
      const { lib, client } = await documents;
      const { Item } = await client.send(
        new lib.GetCommand({ TableName, Key: { pk: statusKey(username) }, ConsistentRead: true }),
      );
      return Item ? statusFrom(Item) : undefined;
    },

    async deleteStatus(username) {
      const { lib, client } = await documents;
      await client.send(new lib.DeleteCommand({ TableName, Key: { pk: statusKey(username) } }));
    },

    async listStatuses(query) {
      const { lib, client } = await documents;
      const names: Record<string, string> = { '#h': 'tpk' };
      const values: Record<string, unknown> = { ':h': 'status' };
      let key = '#h = :h';
      if (query.prefix) {
        names['#t'] = 'tsk';
        values[':prefix'] = query.prefix;
        key += ' AND begins_with(#t, :prefix)';
      }
      const filters: string[] = [];
      if (query.method === 'NONE') {
        filters.push('size(#methods) = :zero');
        names['#methods'] = 'methods';
        values[':zero'] = 0;
      } else if (query.method) {
        filters.push('contains(#methods, :method)');
        names['#methods'] = 'methods';
        values[':method'] = query.method;
      }
      if (query.hasMfa !== undefined) {
        filters.push(query.hasMfa ? 'size(#methods) > :zero' : 'size(#methods) = :zero');
        names['#methods'] = 'methods';
        values[':zero'] = 0;
      }
      if (query.role) {
        filters.push('contains(#groups, :role)');
        names['#groups'] = 'groups';
        values[':role'] = query.role;
      }
      if (query.bypassedAfter) {
        filters.push('#bypassUntil > :bypassedAfter');
        names['#bypassUntil'] = 'bypassUntil';
        values[':bypassedAfter'] = query.bypassedAfter;
      }
      const items: MfaStatusEntry[] = [];
      let start = decodeCursor<Record<string, unknown>>(query.cursor);
      // Each query reads at most what the page still lacks, so the cursor never skips an entry; a
      // selective filter stops after 20 reads with a short page and a cursor, never a full scan.
      let reads = 0;
      do {
        reads += 1;
        const page = await client.send(
          new lib.QueryCommand({
            TableName,
            IndexName: 'byTime',
            KeyConditionExpression: key,
            ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            Limit: query.limit - items.length,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        for (const item of page.Items ?? []) items.push(statusFrom(item));
        start = page.LastEvaluatedKey;
      } while (start && items.length < query.limit && reads < 20);
      return { items, ...(start ? { cursor: encodeCursor(start) } : {}) };
    },

    async getPolicy() {
      const { lib, client } = await documents;
      const { Item } = await client.send(
        new lib.GetCommand({ TableName, Key: { pk: POLICY_KEY }, ConsistentRead: true }),
      );
      return Item ? (JSON.parse(String(Item.policy)) as MfaPolicy) : undefined;
    },

    async putPolicy(policy) {
      const { lib, client } = await documents;
      await client.send(
        new lib.PutCommand({ TableName, Item: { pk: POLICY_KEY, policy: JSON.stringify(policy) } }),
      );
    },

    async getBackfill() {
      const { lib, client } = await documents;
      const { Item } = await client.send(
        new lib.GetCommand({ TableName, Key: { pk: BACKFILL_KEY }, ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const { pk: _pk, ...checkpoint } = Item;
      return checkpoint as BackfillCheckpoint;
    },

    async putBackfill(checkpoint) {
      const { lib, client } = await documents;
      await client.send(new lib.PutCommand({ TableName, Item: { ...checkpoint, pk: BACKFILL_KEY } }));
    },

    async expiredBypasses(now, limit) {
      const { lib, client } = await documents;
      const { Items } = await client.send(
        new lib.QueryCommand({
          TableName,
          IndexName: 'byTime',
          KeyConditionExpression: 'tpk = :bypass AND tsk <= :now',
          ExpressionAttributeValues: { ':bypass': 'bypass', ':now': `${now}${END}` },
          Limit: limit,
        }),
      );
      return (Items ?? []).map(bypassFrom);
    },
  };
}
