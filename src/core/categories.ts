// The kinds of carer (spec section 2, `cat`). A file of its own so pages that only name them (the carer's page, the
// directory) do not load the bundle and key code beside them.

export const CATEGORIES = ['adult', 'young', 'young-adult', 'parent'] as const;
export type Category = (typeof CATEGORIES)[number];
