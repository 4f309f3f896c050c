import { QuotaUsageCounterOf } from "../../core/quotas/quota-usage";
import { MessagesRepository } from "./messages.repository";

/** Usage of the NumberOfSentMessages quota: messages the identity sent. */
export class SentMessagesUsage extends QuotaUsageCounterOf("NumberOfSentMessages", MessagesRepository, (messages, address, since) =>
    messages.countSentBy(address, since)
) {}
