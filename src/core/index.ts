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
export * from './offers-directory.ts';
export * from './redemption.ts';
export * from './upload-batch.ts';
export * from './csv.ts';
export * from './register-import.ts';
export * from './card-copy.ts';
export * from './collection-code.ts';
export * from './well-known.ts';
