import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "web/dist/", "data/", "test/artifacts/", "bench/results/"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": ["error", { object: "describe", property: "only" }, { object: "it", property: "only" }, { object: "test", property: "only" }, { object: "describe", property: "skip" }, { object: "it", property: "skip" }, { object: "test", property: "skip" }, { object: "it", property: "todo" }, { object: "test", property: "todo" }],
    },
  },
  // Imports flow one way (DESIGN.md): core/ imports none of the others; indexer/ and web/ never
  // import server/; web/ never imports indexer/.
  { files: ["core/**"], rules: { "no-restricted-imports": ["error", { patterns: ["**/indexer/**", "**/server/**", "**/web/**"] }] } },
  { files: ["indexer/**"], rules: { "no-restricted-imports": ["error", { patterns: ["**/server/**", "**/web/**"] }] } },
  { files: ["web/**"], rules: { "no-restricted-imports": ["error", { patterns: ["**/server/**", "**/indexer/**"] }] } },
);
