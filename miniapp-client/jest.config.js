module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/unit/**/*.test.js']
    },
    {
      displayName: 'structure',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/structure/**/*.test.js']
    },
    {
      displayName: 'contract',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/contract/**/*.test.js'],
      globalSetup: '<rootDir>/test/contract/global-setup.js',
      globalTeardown: '<rootDir>/test/contract/global-teardown.js'
    }
  ]
}
