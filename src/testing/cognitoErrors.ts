/** Errors shaped like the ones aws-amplify v6 throws: what matters to callers is `name`. */
export class SimulatedAuthError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export const fail = (name: string, message: string): never => {
  throw new SimulatedAuthError(name, message);
};

export const errors = {
  incorrectCredentials: () => fail('NotAuthorizedException', 'Incorrect username or password.'),
  // Cognito answers every sign-in of a locked user this way while the exponential timeout runs.
  lockedOut: () => fail('NotAuthorizedException', 'Password attempts exceeded'),
  alreadySignedIn: () => fail('UserAlreadyAuthenticatedException', 'There is already a signed in user.'),
  signedOut: () => fail('UserUnAuthenticatedException', 'User needs to be authenticated to call this API.'),
  // Amplify's own error when its sign-in state is missing or older than 3 minutes.
  noSignInInProgress: () =>
    fail(
      'SignInException',
      'An error occurred during the sign in process. signIn was not called, or the session expired.',
    ),
  codeMismatch: () => fail('CodeMismatchException', 'Invalid code received for user'),
  totpMismatch: () => fail('EnableSoftwareTokenMFAException', 'Code mismatch'),
  // Cognito's words for a new password that breaks the pool's policy (the first rule missed).
  invalidPassword: (detail: string) =>
    fail('InvalidPasswordException', `Password did not conform with policy: ${detail}`),
  invalidParameter: (message: string) => fail('InvalidParameterException', message),
  network: () => fail('NetworkError', 'A network error has occurred.'),
};
