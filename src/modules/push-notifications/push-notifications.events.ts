// The public vocabulary of the push-notifications module: the platforms and environments of a push registration.

export const PushPlatform = { Fcm: "fcm", Apns: "apns", Dummy: "dummy", Sse: "sse" } as const;
export type PushPlatform = (typeof PushPlatform)[keyof typeof PushPlatform];

export const PushEnvironment = { Development: "Development", Production: "Production" } as const;
export type PushEnvironment = (typeof PushEnvironment)[keyof typeof PushEnvironment];
