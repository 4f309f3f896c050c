import { newId } from "../ids/ids";

export interface ErrorBody {
    error: { id: string; code: string; message: string; docs: string; time: string; data: unknown };
}

export function errorBody(code: string, message: string, data: unknown = null): ErrorBody {
    return { error: { id: newId("ERR"), code, message, docs: "", time: new Date().toISOString(), data } };
}
