package tdl.interp;

/** "Did you mean" suggestions by edit distance. */
final class Names {
    private Names() {}

    /** The candidate closest to {@code name} when it is close enough to be a likely typo, else null. */
    static String closest(String name, Iterable<String> candidates) {
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        int limit = Math.max(1, Math.min(3, name.length() / 3));
        for (String c : candidates) {
            if (c.equals(name) || c.startsWith("__")) continue;
            int d = distance(name.toLowerCase(), c.toLowerCase());
            if (d < bestDist || (d == bestDist && best != null && c.compareTo(best) < 0)) {
                bestDist = d;
                best = c;
            }
        }
        return bestDist <= limit ? best : null;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
