// 'mfa-kit/server/dynamodb': the DynamoDB store on its own subpath, so that 'mfa-kit/server' bundles
// (Next.js, Vite SSR, esbuild) without the DynamoDB SDK packages when a host uses another store.

export {
  adminTableDefinition,
  type DynamoDbAdminStoreOptions,
  dynamoDbAdminStore,
} from './admin/dynamoDbAdminStore.js';
export type { AdminStore } from './admin/store.js';
export {
  type DynamoDbStoreOptions,
  dynamoDbStore,
  recoveryTableDefinition,
} from './recovery/dynamoDbStore.js';
