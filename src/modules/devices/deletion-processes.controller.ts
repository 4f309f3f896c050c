import { Body, Controller, Get, HttpCode, Param, Post, Put } from "@nestjs/common";
import { ApiBearerAuth, ApiOperation, ApiTags } from "@nestjs/swagger";

import { type Caller, CurrentCaller } from "../../core/auth/caller";
import { ApiErrors, ApiResult } from "../../core/http/openapi";
import { DeletionProcessDto, DeletionProcessIdParams, StartDeletionProcessRequest } from "./deletion-processes.dto";
import { DeletionProcessesService } from "./deletion-processes.service";

@ApiTags("Identities")
@ApiBearerAuth()
@Controller("api/v2/Identities/Self/DeletionProcesses")
export class DeletionProcessesController {
    constructor(private readonly processes: DeletionProcessesService) {}

    @Post()
    @HttpCode(201)
    @ApiOperation({
        summary: "Start the deletion of the caller's identity",
        description: "The identity is deleted when the grace period (default 14 days) is over, unless the process is cancelled before."
    })
    @ApiResult(DeletionProcessDto, 201)
    @ApiErrors(400, 401)
    async startDeletionProcess(@CurrentCaller() caller: Caller, @Body() request: StartDeletionProcessRequest): Promise<DeletionProcessDto> {
        return DeletionProcessDto.from(await this.processes.startDeletionProcess(caller, request.lengthOfGracePeriodInDays));
    }

    @Get()
    @ApiOperation({ summary: "List the deletion processes of the caller's identity" })
    @ApiResult([DeletionProcessDto])
    @ApiErrors(401)
    async listDeletionProcesses(@CurrentCaller() caller: Caller): Promise<DeletionProcessDto[]> {
        return (await this.processes.listDeletionProcesses(caller)).map((p) => DeletionProcessDto.from(p));
    }

    @Get(":id")
    @ApiOperation({ summary: "Get a deletion process of the caller's identity" })
    @ApiResult(DeletionProcessDto)
    @ApiErrors(400, 401, 404)
    async getDeletionProcess(@CurrentCaller() caller: Caller, @Param() params: DeletionProcessIdParams): Promise<DeletionProcessDto> {
        return DeletionProcessDto.from(await this.processes.getDeletionProcess(caller, params.id));
    }

    @Put(":id/Cancel")
    @HttpCode(200)
    @ApiOperation({ summary: "Cancel a deletion process during its grace period" })
    @ApiResult(DeletionProcessDto)
    @ApiErrors(400, 401, 404)
    async cancelDeletionProcess(@CurrentCaller() caller: Caller, @Param() params: DeletionProcessIdParams): Promise<DeletionProcessDto> {
        return DeletionProcessDto.from(await this.processes.cancelDeletionProcess(caller, params.id));
    }
}
