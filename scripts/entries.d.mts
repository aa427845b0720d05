export interface Entry {
  subpath: string;
  name: string;
  source: string;
  client: boolean;
  budget: number;
  specifier: string;
  js: string;
  types: string;
  report: string;
}
export interface Asset {
  subpath: string;
  file: string;
  source: string;
  budget: number;
  specifier: string;
}
export declare const root: string;
export declare const entries: Entry[];
export declare const assets: Asset[];
export declare function expectedExports(): Record<string, unknown>;
export declare function expectedPaths(): Record<string, string[]>;
