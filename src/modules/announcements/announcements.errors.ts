import { ValidationError } from "../../core/errors/errors";

export const AnnouncementsErrors = {
    duplicateTextLanguage: () => new ValidationError("'texts': each language may appear only once."),
    englishTextMissing: () => new ValidationError("'texts': There must be a text for English."),
    invalidDisplayNames: (index: number) =>
        new ValidationError(`'actions.${index}.displayName': keys must be ISO 639-1 codes and values strings.`),
    englishDisplayNameMissing: (index: number) =>
        new ValidationError(`'actions.${index}.displayName': An action must have a display name for English.`),
    displayNameLength: (index: number) =>
        new ValidationError(`'actions.${index}.displayName': A display name must have between 1 and 30 characters.`),
    displayNameLineBreak: (index: number) =>
        new ValidationError(`'actions.${index}.displayName': A display name must not contain line breaks.`)
};
