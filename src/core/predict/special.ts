/**
 * Special functions the models need: log-gamma, log-beta and digamma (the likelihood's gradient) from stdlib (accurate to a few ulps over the
 * positive reals), and the Gauss hypergeometric function ₂F₁ from stdlib (checked against published
 * identities over the parameter ranges of the BG/NBD conditional expectation: test/unit/predict-special.test.ts).
 */
import betaln from '@stdlib/math-base-special-betaln';
import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';

export { betaln, digamma, gammaln, hyp2f1 };
