import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "web/dist/**", "data/**", "tmp/**", "**/*.config.ts", "**/*.config.js", "**/*.config.cjs"] },
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [tseslint.configs.base],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "no-console": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      curly: ["error", "all"],
    },
  },
  {
    // The web app may not reach the server's code, and common may reach neither (one-way imports).
    files: ["common/src/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/server/**", "**/web/**", "react", "kysely", "fastify", "pg", "@electric-sql/*"] }] },
  },
  {
    files: ["web/src/**/*.ts", "web/src/**/*.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/server/**"] }] },
  },
);
