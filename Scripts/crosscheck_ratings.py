"""Cross-checks `saima ratings` against an unregularized Bradley-Terry fit with scipy.

The reference maximizes sum_{i!=j} w_ij * log(sigmoid(beta_i - beta_j)) (ties = half a win each way)
with scipy.optimize.minimize (L-BFGS-B, tight tolerances, analytic gradient), then reports
400*log10(e)*(beta_i - beta_anchor) + 1000. Agreement within 0.01 rating points is required.
"""
import argparse
import json
import math
import random
import subprocess
import sys
import tempfile

import numpy as np
from scipy.optimize import minimize


def reference(battles, anchor):
    teams = sorted({t for b in battles for t in (b["a"], b["b"])})
    index = {t: i for i, t in enumerate(teams)}
    n = len(teams)
    w = np.zeros((n, n))
    for b in battles:
        i, j = index[b["a"]], index[b["b"]]
        if b["winner"] == "a":
            w[i, j] += 1
        elif b["winner"] == "b":
            w[j, i] += 1
        else:
            w[i, j] += 0.5
            w[j, i] += 0.5

    def objective(beta):
        d = beta[:, None] - beta[None, :]
        value = (w * np.logaddexp(0, -d)).sum()
        s = 1 / (1 + np.exp(d))  # sigmoid(-d)
        g = -(w * s).sum(axis=1) + (w * s).sum(axis=0)
        return value, g

    result = minimize(objective, np.zeros(n), jac=True, method="L-BFGS-B",
                      options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 100000})
    beta = result.x
    scale = 400 / math.log(10)
    return {t: scale * (beta[index[t]] - beta[index[anchor]]) + 1000 for t in teams}


def synthetic(seed, teams, count):
    rng = random.Random(seed)
    strengths = {f"team-{k}": rng.uniform(700, 1300) for k in range(teams)}
    names = sorted(strengths)
    battles = []
    for _ in range(count):
        a, b = rng.sample(names, 2)
        p = 1 / (1 + 10 ** ((strengths[b] - strengths[a]) / 400))
        u = rng.random()
        winner = "tie" if abs(u - p) < 0.05 else ("a" if u < p else "b")
        battles.append({"a": a, "b": b, "winner": winner})
    return battles, names[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--saima", required=True)
    parser.add_argument("--seed", type=int, default=20240518)
    args = parser.parse_args()
    worst = 0.0
    cases = 0
    for k, (teams, count) in enumerate([(3, 60), (5, 400), (8, 2000), (12, 3000)]):
        battles, anchor = synthetic(args.seed + k, teams, count)
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            for b in battles:
                f.write(json.dumps(b) + "\n")
            path = f.name
        # The point ratings are compared; the bootstrap (at least 100 resamples, as saima requires) does not change them.
        out = subprocess.run([args.saima, "ratings", "--battles", path, "--anchor", anchor, "--bootstrap", "100"],
                             check=True, capture_output=True, text=True).stdout
        saima = {r["team"]: r["rating"] for r in json.loads(out)["ratings"]}
        ref = reference(battles, anchor)
        diff = max(abs(saima[t] - ref[t]) for t in ref)
        worst = max(worst, diff)
        cases += 1
        print(f"bradley_terry  teams={teams:3d} battles={count:5d}  max|diff|={diff:.2e} rating points")
    ok = worst < 0.01
    print(f"bradley_terry  {cases} fits, worst {worst:.2e}  {'OK' if ok else 'DISAGREE'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
