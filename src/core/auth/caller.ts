import { createParamDecorator, type ExecutionContext, SetMetadata, UnauthorizedException } from "@nestjs/common";

/** Who is calling: taken from the verified access token. */
export interface Caller {
    address: string;
    deviceId: string;
    username: string;
    clientId: string;
}

export const AUTH_MODE = "backbone:auth-mode";
export type AuthMode = "required" | "optional" | "none";

/** The route is anonymous; a bearer token is not even looked at. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(AUTH_MODE, "none");
/** The route is anonymous but uses the caller when a valid bearer token is sent. */
export const OptionalAuth = (): MethodDecorator & ClassDecorator => SetMetadata(AUTH_MODE, "optional");

export interface RequestWithCaller {
    caller?: Caller;
}

/** The authenticated caller of the request. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
    const caller = context.switchToHttp().getRequest<RequestWithCaller>().caller;
    if (!caller) throw new UnauthorizedException();
    return caller;
});

/** The caller when one is authenticated, else undefined (for anonymous-capable routes). */
export const OptionalCaller = createParamDecorator(
    (_data: unknown, context: ExecutionContext): Caller | undefined => context.switchToHttp().getRequest<RequestWithCaller>().caller
);
