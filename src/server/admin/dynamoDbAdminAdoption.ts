import type { AdoptionSnapshot } from '../../ports.js';
import type { AdminDocuments } from './dynamoDbAdminTable.js';
import type { AdminStore } from './store.js';

/** Adoption snapshots in the admin table: one item per time, read newest first from `byTime`. */
export function dynamoDbAdminAdoption(
  documents: AdminDocuments,
  TableName: string,
): Required<Pick<AdminStore, 'putAdoptionSnapshot' | 'listAdoptionSnapshots'>> {
  return {
    async putAdoptionSnapshot(snapshot) {
      const { lib, client } = await documents;
      await client.send(
        new lib.PutCommand({
          TableName,
          Item: {
            pk: `adoption#${snapshot.at}`,
            tpk: 'adoption',
            tsk: snapshot.at,
            snapshot: JSON.stringify(snapshot),
          },
        }),
      );
    },

    async listAdoptionSnapshots(limit) {
      const { lib, client } = await documents;
      const { Items } = await client.send(
        new lib.QueryCommand({
          TableName,
          IndexName: 'byTime',
          KeyConditionExpression: 'tpk = :adoption',
          ExpressionAttributeValues: { ':adoption': 'adoption' },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return (Items ?? []).map((item) => JSON.parse(String(item.snapshot)) as AdoptionSnapshot).reverse();
    },
  };
}
