import { SetMetadata } from "@nestjs/common";

import { RAW_RESPONSE } from "./envelope.interceptor";

/** The handler's return value is the whole body (no `{result}` envelope). */
export const RawResponse = (): MethodDecorator => SetMetadata(RAW_RESPONSE, true);
