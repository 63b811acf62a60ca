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
);
