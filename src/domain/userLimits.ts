/** IUserManager::MAX_PASSWORD_LENGTH. */
export const MAX_PASSWORD_LENGTH = 469;

/** Language codes of a stock server's l10n folder (IFactory::languageExists), shortened. */
export const LANGUAGES: ReadonlySet<string> = new Set(['en', 'en_GB', 'de', 'de_DE', 'fr', 'es', 'it', 'nl', 'pt_BR', 'pt_PT', 'pl', 'ru', 'sv', 'da', 'fi', 'nb', 'cs', 'hu', 'ja', 'ko', 'zh_CN', 'zh_TW', 'tr', 'uk']);
