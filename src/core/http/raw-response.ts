import { SetMetadata } from "@nestjs/common";

/** Marks a handler whose return value is sent as it is (no `{result}` envelope), e.g. OAuth answers or files. */
export const RAW_RESPONSE = "backbone:raw-response";

/** The handler's return value is the whole body (no `{result}` envelope). */
export const RawResponse = (): MethodDecorator => SetMetadata(RAW_RESPONSE, true);
