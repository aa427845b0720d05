import type { Measured } from './measure.mjs';
export declare const CODE_INPUT_BUDGET: number;
export declare const SIGN_IN_INITIAL_GOAL: number;
export declare const SIGN_IN_TOTAL_GOAL: number;
export declare const SIGN_IN_INITIAL_LIMIT: number;
export declare const SIGN_IN_TOTAL_LIMIT: number;
export declare function checkGoals(
  results: Measured[],
): { goal: string; value: string; ok: boolean; withinLimit: boolean }[];
