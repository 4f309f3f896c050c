/** The App client: everything runs on `fetch`, so it works in browsers, React Native and Node alike. */
export * from "./shared/index";
