import type { CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { MfaPolicy } from '../../core/mfaPolicy.js';
import type { AdminAuditEvent, AdminAuditQuery } from '../../ports.js';
import {
  type AdminStore,
  type BackfillCheckpoint,
  type BypassRecord,
  decodeCursor,
  encodeCursor,
  type MfaStatusEntry,
} from './store.js';

export interface DynamoDbAdminStoreOptions {
  /** An SDK v3 DynamoDB client; wrapped in a document client here. */
  client: DynamoDBClient;
  /** A table made from `adminTableDefinition`. */
  tableName: string;
}

const index = (name: string, hash: string) => ({
  IndexName: name,
  KeySchema: [
    { AttributeName: hash, KeyType: 'HASH' as const },
    { AttributeName: 'tsk', KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'ALL' as const },
});

/**
 * The table the admin store expects: on-demand, partition key `pk`, and four sparse indexes sorted by
 * time (`tsk` = `{ISO time}#{id}`): `byTime` (every event; bypasses by end time), `byType`, `byTarget`
 * and `pending` (events whose change is not complete yet).
 */
export function adminTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: ['pk', 'tpk', 'ypk', 'gpk', 'spk', 'tsk'].map((AttributeName) => ({
      AttributeName,
      AttributeType: 'S' as const,
    })),
    GlobalSecondaryIndexes: [
      index('byTime', 'tpk'),
      index('byType', 'ypk'),
      index('byTarget', 'gpk'),
      index('pending', 'spk'),
    ],
  };
}

const eventKey = (id: string) => `event#${id}`;
const statusKey = (username: string) => `status#${username}`;
const BACKFILL_KEY = 'backfill';
const POLICY_KEY = 'policy';
const bypassKey = (username: string) => `bypass#${username}`;
/** Sorts after every `{time}#{id}` that starts with the same time. */
const END = '#\uffff';

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

function eventItem(event: AdminAuditEvent): Record<string, unknown> {
  const tsk = `${event.at}#${event.id}`;
  return {
    ...event,
    pk: eventKey(event.id),
    tsk,
    tpk: 'audit',
    ypk: `type#${event.type}`,
    ...(event.target === undefined ? {} : { gpk: `target#${event.target}` }),
    ...(event.status === 'pending' ? { spk: 'pending' } : {}),
  };
}

function eventFrom(item: Record<string, unknown>): AdminAuditEvent {
  const { pk: _pk, tsk: _tsk, tpk: _tpk, ypk: _ypk, gpk: _gpk, spk: _spk, ...event } = item;
  return event as unknown as AdminAuditEvent;
}

function statusFrom(item: Record<string, unknown>): MfaStatusEntry {
  const { pk: _pk, tsk: _tsk, tpk: _tpk, ...entry } = item;
  return entry as unknown as MfaStatusEntry;
}

function bypassFrom(item: Record<string, unknown>): BypassRecord {
  const { pk: _pk, tsk: _tsk, tpk: _tpk, ...record } = item;
  return record as unknown as BypassRecord;
}

/**
 * The admin store in DynamoDB. Each write is one conditional single-item write (PutItem, UpdateItem,
 * DeleteItem), which DynamoDB applies atomically: an event id is written once, a user has one bypass,
 * a bypass ends once. Audit queries read the indexes (eventually consistent, as DynamoDB's GSIs are).
 */
export function dynamoDbAdminStore(options: DynamoDbAdminStoreOptions): AdminStore {
  const TableName = options.tableName;
  const documents = import('@aws-sdk/lib-dynamodb').then((lib) => ({
    lib,
    client: lib.DynamoDBDocumentClient.from(options.client, {
      marshallOptions: { removeUndefinedValues: true },
    }),
  }));

  async function getEvent(id: string): Promise<AdminAuditEvent | undefined> {
    const { lib, client } = await documents;
    const { Item } = await client.send(
      new lib.GetCommand({ TableName, Key: { pk: eventKey(id) }, ConsistentRead: true }),
    );
    return Item ? eventFrom(Item) : undefined;
  }

  return {
    async appendEvent(event) {
      const { lib, client } = await documents;
      try {
        await client.send(
          new lib.PutCommand({
            TableName,
            Item: eventItem(event),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async settleEvent(id, status, details) {
      const { lib, client } = await documents;
      const current = await getEvent(id);
      if (!current) return undefined;
      const merged = details ? { ...current.details, ...details } : current.details;
      const { Attributes } = await client.send(
        new lib.UpdateCommand({
          TableName,
          Key: { pk: eventKey(id) },
          UpdateExpression: merged
            ? 'SET #status = :status, #details = :details REMOVE spk'
            : 'SET #status = :status REMOVE spk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status', ...(merged ? { '#details': 'details' } : {}) },
          ExpressionAttributeValues: { ':status': status, ...(merged ? { ':details': merged } : {}) },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? eventFrom(Attributes) : undefined;
    },

    getEvent,

    async queryEvents(query: AdminAuditQuery) {
      const { lib, client } = await documents;
      const limit = Math.min(Math.max(query.limit ?? 50, 1), 100);
      // The narrowest index first; what it cannot select is filtered.
      const [IndexName, hashName, hashValue] = query.target
        ? ['byTarget', 'gpk', `target#${query.target}`]
        : query.type
          ? ['byType', 'ypk', `type#${query.type}`]
          : ['byTime', 'tpk', 'audit'];
      const names: Record<string, string> = { '#h': hashName };
      const values: Record<string, unknown> = { ':h': hashValue };
      let range = '';
      if (query.from || query.to) names['#t'] = 'tsk';
      if (query.from && query.to) {
        range = ' AND #t BETWEEN :from AND :to';
        Object.assign(values, { ':from': query.from, ':to': `${query.to}${END}` });
      } else if (query.from) {
        range = ' AND #t >= :from';
        values[':from'] = query.from;
      } else if (query.to) {
        range = ' AND #t <= :to';
        values[':to'] = `${query.to}${END}`;
      }
      const filters: string[] = [];
      if (query.target && query.type) {
        filters.push('#type = :type');
        names['#type'] = 'type';
        values[':type'] = query.type;
      }
      const items: AdminAuditEvent[] = [];
      let start = decodeCursor<Record<string, unknown>>(query.cursor);
      let more = true;
      while (items.length <= limit && more) {
        const page = await client.send(
          new lib.QueryCommand({
            TableName,
            IndexName,
            KeyConditionExpression: `#h = :h${range}`,
            ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ScanIndexForward: false,
            Limit: limit + 1,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        for (const item of page.Items ?? []) items.push(eventFrom(item));
        start = page.LastEvaluatedKey;
        more = start !== undefined;
      }
      const pageItems = items.slice(0, limit);
      const last = pageItems.at(-1);
      const hasMore = items.length > limit || more;
      return {
        items: pageItems,
        ...(hasMore && last
          ? {
              cursor: encodeCursor({
                pk: eventKey(last.id),
                tsk: `${last.at}#${last.id}`,
                [hashName]: hashValue,
              }),
            }
          : {}),
      };
    },

    async pendingEvents(writtenBefore, limit) {
      const { lib, client } = await documents;
      const { Items } = await client.send(
        new lib.QueryCommand({
          TableName,
          IndexName: 'pending',
          KeyConditionExpression: 'spk = :pending AND tsk <= :before',
          ExpressionAttributeValues: { ':pending': 'pending', ':before': `${writtenBefore}${END}` },
          Limit: limit,
        }),
      );
      // The index may lag: report only what is still pending.
      return (Items ?? []).map(eventFrom).filter((event) => event.status === 'pending');
    },

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
