export { MfaMethodPicker, type MfaMethodPickerProps } from './MfaMethodPicker.js';
