export interface Weight {
  initial: number;
  total: number;
  chunks: number;
  initialModules: string[];
  modules: string[];
}
export interface BenchApp {
  id: string;
  label: string;
  file: string;
}
export interface Measured extends BenchApp {
  own: Weight;
  all: Weight | undefined;
}
export declare const appsDir: string;
export declare const apps: BenchApp[];
export declare const isHostDependency: (id: string) => boolean;
export declare const heavyModule: RegExp;
export declare function installPackedMfaKit(): { dir: string; dispose: () => void };
export declare function measureApp(
  consumerDir: string,
  app: BenchApp,
  options?: { ownOnly?: boolean },
): Promise<Measured>;
