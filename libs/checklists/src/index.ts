export const TEAMS = ['PRODUCT', 'ENGINEERING', 'SUPPORT'] as const;
