import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AdminAuditEvent } from '../../ports.js';
import type { BypassRecord, MfaStatusEntry } from './store.js';

/** The document client, loaded on first use (so importing the store costs nothing until then). */
export type AdminDocuments = Promise<{
  lib: typeof import('@aws-sdk/lib-dynamodb');
  client: DynamoDBDocumentClient;
}>;

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

export const eventKey = (id: string) => `event#${id}`;
export const statusKey = (username: string) => `status#${username}`;
export const BACKFILL_KEY = 'backfill';
export const POLICY_KEY = 'policy';
export const bypassKey = (username: string) => `bypass#${username}`;
/** Sorts after every `{time}#{id}` that starts with the same time. */
export const END = '#\uffff';

export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

export function eventItem(event: AdminAuditEvent): Record<string, unknown> {
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

export function eventFrom(item: Record<string, unknown>): AdminAuditEvent {
  const { pk: _pk, tsk: _tsk, tpk: _tpk, ypk: _ypk, gpk: _gpk, spk: _spk, ...event } = item;
  return event as unknown as AdminAuditEvent;
}

export function statusFrom(item: Record<string, unknown>): MfaStatusEntry {
  const { pk: _pk, tsk: _tsk, tpk: _tpk, ...entry } = item;
  return entry as unknown as MfaStatusEntry;
}

export function bypassFrom(item: Record<string, unknown>): BypassRecord {
  const { pk: _pk, tsk: _tsk, tpk: _tpk, ...record } = item;
  return record as unknown as BypassRecord;
}
