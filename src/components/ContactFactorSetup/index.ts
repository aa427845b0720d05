export { ContactFactorSetup, type ContactFactorSetupProps } from './ContactFactorSetup.js';
