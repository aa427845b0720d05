import type { Measured } from './measure.mjs';
export declare const CODE_INPUT_BUDGET: number;
export declare const SIGN_IN_INITIAL_RATIO: number;
export declare const SIGN_IN_TOTAL_RATIO: number;
export declare function checkGoals(results: Measured[]): { goal: string; value: string; ok: boolean }[];
