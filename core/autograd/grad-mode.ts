// Global autograd switches: grad mode (torch.no_grad / enable_grad) and the forward trace used
// to remember what a custom Function's forward computed while grad mode was off.

// eslint-disable-next-line no-restricted-syntax -- PyTorch's grad mode is global too
let gradEnabled = true;

export function isGradEnabled(): boolean {
  return gradEnabled;
}

export function setGradEnabled(enabled: boolean): void {
  gradEnabled = enabled;
}

/** Runs `body` with grad mode set to `enabled`, restoring the previous mode afterwards. */
export function withGradMode<T>(enabled: boolean, body: () => T): T {
  const previous = gradEnabled;
  gradEnabled = enabled;
  try {
    return body();
  } finally {
    gradEnabled = previous;
  }
}

export function noGrad<T>(body: () => T): T {
  return withGradMode(false, body);
}
