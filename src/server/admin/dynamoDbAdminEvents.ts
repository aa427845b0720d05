import type { AdminAuditEvent, AdminAuditQuery } from '../../ports.js';
import {
  type AdminDocuments,
  END,
  eventFrom,
  eventItem,
  eventKey,
  isConditionFailure,
} from './dynamoDbAdminTable.js';
import { type AdminStore, decodeCursor, encodeCursor } from './store.js';

export type AdminEventStore = Pick<
  AdminStore,
  'appendEvent' | 'settleEvent' | 'getEvent' | 'queryEvents' | 'pendingEvents'
>;

/**
 * The audit trail in the admin table: each event one item, written once (a conditional put), settled
 * in place, and read newest first through the `byTime`, `byType`, `byTarget` and `pending` indexes.
 */
export function dynamoDbAdminEvents(documents: AdminDocuments, TableName: string): AdminEventStore {
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
  };
}
