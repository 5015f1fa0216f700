export declare const PROXY_FORBIDDEN: string[];
export type ImportViolation = { module: string; chain: string[] };
export declare function runtimeImports(fileName: string, text: string): string[];
export declare function findForbiddenImports(input: {
  entry: string;
  tsconfig: string;
  forbidden?: string[];
  root?: string;
}): { files: string[]; externals: string[]; violations: ImportViolation[] };
export declare function formatViolations(violations: ImportViolation[]): string;
export declare const repoRoot: string;
