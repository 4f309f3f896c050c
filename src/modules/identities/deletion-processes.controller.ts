import { Body, Controller, Param } from "@nestjs/common";
import { ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { Endpoint, onRecord } from "../../core/http/endpoint";
import { DeletionProcessDto, DeletionProcessIdParams, StartDeletionProcessRequest } from "./deletion-processes.dto";
import { DeletionProcessesService } from "./deletion-processes.service";

/** The Consumer API of the deletion processes of the caller's identity. */
@ApiTags("Identities")
@Controller("api/v2/Identities/Self/DeletionProcesses")
export class DeletionProcessesController {
    constructor(private readonly processes: DeletionProcessesService) {}

    @Endpoint({
        method: "POST",
        summary: "Start the deletion of the caller's identity",
        description: "The identity is deleted when the grace period (default 14 days) is over, unless the process is cancelled before.",
        result: DeletionProcessDto,
        errors: [400, 401]
    })
    async startDeletionProcess(@CurrentCaller() caller: Caller, @Body() request: StartDeletionProcessRequest): Promise<DeletionProcessDto> {
        return DeletionProcessDto.from(await this.processes.startDeletionProcess(caller, request.lengthOfGracePeriodInDays));
    }

    @Endpoint({
        method: "GET",
        summary: "List the deletion processes of the caller's identity",
        result: [DeletionProcessDto],
        errors: [401]
    })
    async listDeletionProcesses(@CurrentCaller() caller: Caller): Promise<DeletionProcessDto[]> {
        return (await this.processes.listDeletionProcesses(caller)).map((p) => DeletionProcessDto.from(p));
    }

    @Endpoint({ ...onRecord("GET"), summary: "Get a deletion process of the caller's identity", result: DeletionProcessDto })
    async getDeletionProcess(@CurrentCaller() caller: Caller, @Param() params: DeletionProcessIdParams): Promise<DeletionProcessDto> {
        return DeletionProcessDto.from(await this.processes.getDeletionProcess(caller, params.id));
    }

    @Endpoint({ ...onRecord("PUT", "Cancel"), summary: "Cancel a deletion process during its grace period", result: DeletionProcessDto })
    async cancelDeletionProcess(@CurrentCaller() caller: Caller, @Param() params: DeletionProcessIdParams): Promise<DeletionProcessDto> {
        return DeletionProcessDto.from(await this.processes.cancelDeletionProcess(caller, params.id));
    }
}
