import { Inject, Injectable } from "@nestjs/common";

import { BACKBONE_CONFIG, type BackboneConfig } from "../../config/config";
import { type PageQuery, type PageRequest, pageRequest } from "./pagination";

/** Turns page query parameters into a page request within the configured limits. */
@Injectable()
export class Paging {
    constructor(@Inject(BACKBONE_CONFIG) private readonly config: BackboneConfig) {}

    request(query: PageQuery): PageRequest {
        return pageRequest(query, {
            defaultPageSize: this.config.PAGINATION_DEFAULT_PAGE_SIZE,
            maxPageSize: this.config.PAGINATION_MAX_PAGE_SIZE
        });
    }
}
