// The passport core: shared by the app, its decoder worker, the CLI and the scheme service.

export * from './base64url.ts';
export * from './inflate.ts';
export * from './issuer-contact.ts';
export * from './jws.ts';
export * from './keys.ts';
export * from './numeric-date.ts';
export * from './passport-claims.ts';
export * from './qr-text.ts';
export * from './signing.ts';
export * from './status-list.ts';
export * from './trust-bundle.ts';
export * from './trust-state.ts';
export * from './verdict.ts';
export * from './verdict-messages.ts';
export * from './verify-passport.ts';
export * from './partner-profile.ts';
export * from './redemption-record.ts';
export * from './offers.ts';
export * from './redemption.ts';
export * from './clock-check.ts';
export * from './shared-limits.ts';
export * from './stays.ts';
