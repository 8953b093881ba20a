package ci.searchservers;

import static org.elasticsearch.rest.RestRequest.Method.GET;
import static org.elasticsearch.rest.RestRequest.Method.HEAD;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.LetterTokenizer;
import org.apache.lucene.analysis.core.UpperCaseFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.TrimFilter;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.pt.PortugueseMinimalStemFilter;
import org.apache.lucene.analysis.reverse.ReverseStringFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.ga.IrishLowerCaseFilter;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.Build;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.ClusterState;
import org.elasticsearch.cluster.metadata.IndexNameExpressionResolver;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.io.stream.NamedWriteableRegistry;
import org.elasticsearch.common.regex.Regex;
import org.elasticsearch.common.settings.ClusterSettings;
import org.elasticsearch.common.settings.IndexScopedSettings;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.settings.SettingsFilter;
import org.elasticsearch.env.Environment;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.PreConfiguredCharFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenizer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.BaseRestHandler;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.rest.RestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.xcontent.XContentBuilder;
import org.tartarus.snowball.SnowballStemmer;

/**
 * CI STAND-IN, NOT PART OF ELASTICSEARCH.
 *
 * Maven Central has the Elasticsearch 8 server jar and the transport-netty4 module, but not
 * the "analysis-common" and "rest-root" modules of the distribution. This plugin fills the
 * gap for tests with:
 * <ul>
 * <li>GET / and HEAD / (what rest-root serves), answered with the real server's build info;</li>
 * <li>a subset of analysis-common's components, each a thin wrapper around the Lucene class that
 * analysis-common itself wraps: char filter html_strip; tokenizers whitespace, keyword, letter,
 * lowercase, pattern, ngram, edge_ngram; token filters asciifolding, elision, stemmer, snowball,
 * ngram, edge_ngram, lowercase, uppercase, trim, truncate, length, unique, reverse,
 * porter_stem, kstem; analyzers english, french, german, spanish, italian, portuguese, dutch.</li>
 * </ul>
 * Anything else from analysis-common (synonyms, word_delimiter, other languages, ...) is absent.
 */
public class CiCompatPlugin extends Plugin implements AnalysisPlugin, ActionPlugin {

    private volatile ClusterService clusterService;

    @Override
    public Collection<?> createComponents(final PluginServices services) {
        this.clusterService = services.clusterService();
        return List.of();
    }

    // ------------------------------------------------------------------ GET /

    @Override
    public Collection<RestHandler> getRestHandlers(final Settings settings, final NamedWriteableRegistry namedWriteableRegistry,
            final RestController restController, final ClusterSettings clusterSettings, final IndexScopedSettings indexScopedSettings,
            final SettingsFilter settingsFilter, final IndexNameExpressionResolver indexNameExpressionResolver,
            final Supplier<DiscoveryNodes> nodesInCluster, final Predicate<NodeFeature> clusterSupportsFeature) {
        return List.of(new RootHandler());
    }

    private final class RootHandler extends BaseRestHandler {
        @Override
        public String getName() {
            return "ci_compat_root_action";
        }

        @Override
        public List<Route> routes() {
            return List.of(new Route(GET, "/"), new Route(HEAD, "/"));
        }

        @Override
        protected RestChannelConsumer prepareRequest(final RestRequest request, final NodeClient client) {
            return channel -> {
                final ClusterState state = clusterService.state();
                final Build build = Build.current();
                final XContentBuilder b = channel.newBuilder();
                b.startObject();
                b.field("name", clusterService.getNodeName());
                b.field("cluster_name", state.getClusterName().value());
                b.field("cluster_uuid", state.metadata().clusterUUID());
                b.startObject("version");
                b.field("number", build.qualifiedVersion());
                b.field("build_flavor", build.flavor());
                b.field("build_type", build.type().displayName());
                b.field("build_hash", build.hash());
                b.field("build_date", build.date());
                b.field("build_snapshot", build.isSnapshot());
                b.field("lucene_version", org.apache.lucene.util.Version.LATEST.toString());
                b.field("minimum_wire_compatibility_version", build.minWireCompatVersion());
                b.field("minimum_index_compatibility_version", build.minIndexCompatVersion());
                b.endObject();
                b.field("tagline", "You Know, for Search");
                b.endObject();
                channel.sendResponse(new RestResponse(RestStatus.OK, b));
            };
        }
    }

    // -------------------------------------------------------------- analysis

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        final Map<String, AnalysisProvider<CharFilterFactory>> m = new TreeMap<>();
        m.put("html_strip", (is, env, name, s) -> new AbstractCharFilterFactory(name) {
            @Override
            public Reader create(final Reader reader) {
                return new HTMLStripCharFilter(reader);
            }
        });
        return m;
    }

    @Override
    public List<PreConfiguredCharFilter> getPreConfiguredCharFilters() {
        return List.of(PreConfiguredCharFilter.singleton("html_strip", false, HTMLStripCharFilter::new));
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        final Map<String, AnalysisProvider<TokenizerFactory>> m = new TreeMap<>();
        m.put("whitespace", simpleTokenizer(WhitespaceTokenizer::new));
        m.put("keyword", simpleTokenizer(KeywordTokenizer::new));
        m.put("letter", simpleTokenizer(LetterTokenizer::new));
        m.put("lowercase", simpleTokenizer(LowerCaseLetterTokenizer::new));
        m.put("pattern", (is, env, name, s) -> {
            final Pattern pattern = Regex.compile(s.get("pattern", "\\W+"), s.get("flags"));
            final int group = s.getAsInt("group", -1);
            return tokenizer(is, s, name, () -> new PatternTokenizer(pattern, group));
        });
        m.put("ngram", (is, env, name, s) -> {
            final int min = s.getAsInt("min_gram", NGramTokenizer.DEFAULT_MIN_NGRAM_SIZE);
            final int max = s.getAsInt("max_gram", NGramTokenizer.DEFAULT_MAX_NGRAM_SIZE);
            checkNgramDiff(is, min, max, "NGram Tokenizer");
            final Predicate<Integer> chars = tokenChars(s);
            return tokenizer(is, s, name, () -> chars == null ? new NGramTokenizer(min, max) : new NGramTokenizer(min, max) {
                @Override
                protected boolean isTokenChar(final int c) {
                    return chars.test(c);
                }
            });
        });
        m.put("edge_ngram", (is, env, name, s) -> {
            final int min = s.getAsInt("min_gram", NGramTokenizer.DEFAULT_MIN_NGRAM_SIZE);
            final int max = s.getAsInt("max_gram", NGramTokenizer.DEFAULT_MAX_NGRAM_SIZE);
            final Predicate<Integer> chars = tokenChars(s);
            return tokenizer(is, s, name, () -> chars == null ? new EdgeNGramTokenizer(min, max) : new EdgeNGramTokenizer(min, max) {
                @Override
                protected boolean isTokenChar(final int c) {
                    return chars.test(c);
                }
            });
        });
        return m;
    }

    @Override
    public List<PreConfiguredTokenizer> getPreConfiguredTokenizers() {
        return List.of(
                PreConfiguredTokenizer.singleton("whitespace", WhitespaceTokenizer::new),
                PreConfiguredTokenizer.singleton("keyword", KeywordTokenizer::new),
                PreConfiguredTokenizer.singleton("letter", LetterTokenizer::new),
                PreConfiguredTokenizer.singleton("lowercase", LowerCaseLetterTokenizer::new),
                PreConfiguredTokenizer.singleton("ngram", NGramTokenizer::new),
                PreConfiguredTokenizer.singleton("edge_ngram",
                        () -> new EdgeNGramTokenizer(NGramTokenizer.DEFAULT_MIN_NGRAM_SIZE, NGramTokenizer.DEFAULT_MAX_NGRAM_SIZE)));
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        final Map<String, AnalysisProvider<TokenFilterFactory>> m = new TreeMap<>();
        m.put("asciifolding", (is, env, name, s) -> {
            final boolean preserve = s.getAsBoolean("preserve_original", false);
            return normalizing(name, ts -> new ASCIIFoldingFilter(ts, preserve));
        });
        m.put("elision", (is, env, name, s) -> {
            final List<String> words = Analysis.getWordList(env, s, "articles");
            final CharArraySet articles = words == null ? FrenchAnalyzer.DEFAULT_ARTICLES
                    : new CharArraySet(words, s.getAsBoolean("articles_case", false));
            return normalizing(name, ts -> new ElisionFilter(ts, articles));
        });
        m.put("stemmer", (is, env, name, s) -> {
            final String language = s.get("language", s.get("name", "porter"));
            final Function<TokenStream, TokenStream> stemmer = stemmer(language);
            return filter(name, stemmer);
        });
        m.put("snowball", (is, env, name, s) -> {
            final String language = s.get("language", "English");
            snowballStemmer(language); // fail early on an unknown language
            return filter(name, ts -> new SnowballFilter(ts, snowballStemmer(language)));
        });
        m.put("porter_stem", (is, env, name, s) -> filter(name, PorterStemFilter::new));
        m.put("kstem", (is, env, name, s) -> filter(name, KStemFilter::new));
        m.put("ngram", (is, env, name, s) -> {
            final int min = s.getAsInt("min_gram", 1);
            final int max = s.getAsInt("max_gram", 2);
            final boolean preserve = s.getAsBoolean("preserve_original", false);
            checkNgramDiff(is, min, max, "NGram Token Filter");
            return filter(name, ts -> new NGramTokenFilter(ts, min, max, preserve));
        });
        m.put("edge_ngram", (is, env, name, s) -> {
            final int min = s.getAsInt("min_gram", 1);
            final int max = s.getAsInt("max_gram", 2);
            final boolean preserve = s.getAsBoolean("preserve_original", false);
            final String side = s.get("side", "front");
            if (!"front".equals(side)) {
                // ES 8 analysis-common emulates side=back with reverse filters; not needed here.
                throw new IllegalArgumentException("CI stand-in: edge_ngram does not support side [" + side + "]");
            }
            return filter(name, ts -> new EdgeNGramTokenFilter(ts, min, max, preserve));
        });
        m.put("lowercase", (is, env, name, s) -> {
            final String language = s.get("language");
            if (language == null) {
                return normalizing(name, LowerCaseFilter::new);
            }
            return switch (language.toLowerCase(Locale.ROOT)) {
                case "greek" -> normalizing(name, GreekLowerCaseFilter::new);
                case "irish" -> normalizing(name, IrishLowerCaseFilter::new);
                case "turkish" -> normalizing(name, TurkishLowerCaseFilter::new);
                default -> throw new IllegalArgumentException("language [" + language + "] not support for lower case");
            };
        });
        m.put("uppercase", (is, env, name, s) -> normalizing(name, UpperCaseFilter::new));
        m.put("trim", (is, env, name, s) -> normalizing(name, TrimFilter::new));
        m.put("truncate", (is, env, name, s) -> {
            final int length = s.getAsInt("length", 10);
            return filter(name, ts -> new TruncateTokenFilter(ts, length));
        });
        m.put("length", (is, env, name, s) -> {
            final int min = s.getAsInt("min", 0);
            final int max = s.getAsInt("max", Integer.MAX_VALUE);
            return filter(name, ts -> new LengthFilter(ts, min, max));
        });
        m.put("unique", (is, env, name, s) -> {
            final boolean samePosition = s.getAsBoolean("only_on_same_position", false);
            return filter(name, ts -> new UniqueFilter(ts, samePosition));
        });
        m.put("reverse", (is, env, name, s) -> filter(name, ReverseStringFilter::new));
        return m;
    }

    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(
                PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new),
                PreConfiguredTokenFilter.singleton("elision", true, ts -> new ElisionFilter(ts, FrenchAnalyzer.DEFAULT_ARTICLES)),
                PreConfiguredTokenFilter.singleton("stemmer", false, PorterStemFilter::new),
                PreConfiguredTokenFilter.singleton("porter_stem", false, PorterStemFilter::new),
                PreConfiguredTokenFilter.singleton("kstem", false, KStemFilter::new),
                PreConfiguredTokenFilter.singleton("snowball", false,
                        ts -> new SnowballFilter(ts, new org.tartarus.snowball.ext.EnglishStemmer())),
                PreConfiguredTokenFilter.singleton("ngram", false, false, ts -> new NGramTokenFilter(ts, 1, 2, false)),
                PreConfiguredTokenFilter.singleton("edge_ngram", false, false, ts -> new EdgeNGramTokenFilter(ts, 1, 1, false)),
                PreConfiguredTokenFilter.singleton("uppercase", true, UpperCaseFilter::new),
                PreConfiguredTokenFilter.singleton("trim", true, TrimFilter::new),
                PreConfiguredTokenFilter.singleton("truncate", false, ts -> new TruncateTokenFilter(ts, 10)),
                PreConfiguredTokenFilter.singleton("reverse", false, ReverseStringFilter::new));
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        final Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> m = new TreeMap<>();
        m.put("english", language(EnglishAnalyzer::getDefaultStopSet, EnglishAnalyzer::new));
        m.put("french", language(FrenchAnalyzer::getDefaultStopSet, FrenchAnalyzer::new));
        m.put("german", language(GermanAnalyzer::getDefaultStopSet, GermanAnalyzer::new));
        m.put("spanish", language(SpanishAnalyzer::getDefaultStopSet, SpanishAnalyzer::new));
        m.put("italian", language(ItalianAnalyzer::getDefaultStopSet, ItalianAnalyzer::new));
        m.put("portuguese", language(PortugueseAnalyzer::getDefaultStopSet, PortugueseAnalyzer::new));
        m.put("dutch", language(DutchAnalyzer::getDefaultStopSet, DutchAnalyzer::new));
        return m;
    }

    // --------------------------------------------------------------- helpers

    /** Splits on non-letters and lower-cases, as ES' "lowercase" tokenizer (letter runs, 255 chars max). */
    static final class LowerCaseLetterTokenizer extends Tokenizer {
        private static final int MAX_TOKEN_LENGTH = 255;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
        private int consumed;

        private int readCodePoint() throws java.io.IOException {
            final int c = input.read();
            if (c < 0) {
                return -1;
            }
            consumed++;
            if (Character.isHighSurrogate((char) c)) {
                final int low = input.read();
                if (low >= 0) {
                    consumed++;
                    if (Character.isLowSurrogate((char) low)) {
                        return Character.toCodePoint((char) c, (char) low);
                    }
                }
            }
            return c;
        }

        @Override
        public boolean incrementToken() throws java.io.IOException {
            clearAttributes();
            int cp;
            do {
                cp = readCodePoint();
                if (cp < 0) {
                    return false;
                }
            } while (!Character.isLetter(cp));
            final int start = consumed - Character.charCount(cp);
            int length = 0;
            while (cp >= 0 && Character.isLetter(cp)) {
                term.append(new String(Character.toChars(Character.toLowerCase(cp))));
                length += Character.charCount(cp);
                if (length >= MAX_TOKEN_LENGTH) {
                    break;
                }
                cp = readCodePoint();
            }
            final int end = start + length;
            offsets.setOffset(correctOffset(start), correctOffset(end));
            return true;
        }

        @Override
        public void end() throws java.io.IOException {
            super.end();
            final int finalOffset = correctOffset(consumed);
            offsets.setOffset(finalOffset, finalOffset);
        }

        @Override
        public void reset() throws java.io.IOException {
            super.reset();
            consumed = 0;
        }
    }

    /** Drops a token whose text was already seen (in the stream, or at the same position only). */
    static final class UniqueFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
        private final CharArraySet seen = new CharArraySet(8, false);
        private final boolean onlyOnSamePosition;

        UniqueFilter(final TokenStream in, final boolean onlyOnSamePosition) {
            super(in);
            this.onlyOnSamePosition = onlyOnSamePosition;
        }

        @Override
        public boolean incrementToken() throws java.io.IOException {
            while (input.incrementToken()) {
                if (onlyOnSamePosition && posInc.getPositionIncrement() > 0) {
                    seen.clear();
                }
                final char[] text = new char[term.length()];
                System.arraycopy(term.buffer(), 0, text, 0, term.length());
                if (!seen.contains(text, 0, text.length)) {
                    seen.add(text);
                    return true;
                }
            }
            return false;
        }

        @Override
        public void reset() throws java.io.IOException {
            super.reset();
            seen.clear();
        }
    }

    private interface StemmedAnalyzerCtor {
        Analyzer create(CharArraySet stopwords, CharArraySet stemExclusion);
    }

    private static AnalysisProvider<AnalyzerProvider<? extends Analyzer>> language(final Supplier<CharArraySet> defaultStop,
            final StemmedAnalyzerCtor ctor) {
        return (is, env, name, s) -> {
            final CharArraySet stop = Analysis.parseStopWords(env, s, defaultStop.get());
            final CharArraySet exclusion = Analysis.parseStemExclusion(s, CharArraySet.EMPTY_SET);
            final Analyzer analyzer = ctor.create(stop, exclusion);
            return new AbstractIndexAnalyzerProvider<Analyzer>(name, s) {
                @Override
                public Analyzer get() {
                    return analyzer;
                }
            };
        };
    }

    private static AnalysisProvider<TokenizerFactory> simpleTokenizer(final Supplier<Tokenizer> supplier) {
        return (is, env, name, s) -> tokenizer(is, s, name, supplier);
    }

    private static TokenizerFactory tokenizer(final IndexSettings is, final Settings s, final String name,
            final Supplier<Tokenizer> supplier) {
        return new AbstractTokenizerFactory(is, s, name) {
            @Override
            public Tokenizer create() {
                return supplier.get();
            }
        };
    }

    private static TokenFilterFactory filter(final String name, final Function<TokenStream, TokenStream> f) {
        return new AbstractTokenFilterFactory(name, Settings.EMPTY) {
            @Override
            public TokenStream create(final TokenStream ts) {
                return f.apply(ts);
            }
        };
    }

    private static TokenFilterFactory normalizing(final String name, final Function<TokenStream, TokenStream> f) {
        return new NormalizingFilter(name, f);
    }

    private static final class NormalizingFilter extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final Function<TokenStream, TokenStream> f;

        NormalizingFilter(final String name, final Function<TokenStream, TokenStream> f) {
            super(name, Settings.EMPTY);
            this.f = f;
        }

        @Override
        public TokenStream create(final TokenStream ts) {
            return f.apply(ts);
        }
    }

    private static void checkNgramDiff(final IndexSettings is, final int min, final int max, final String what) {
        final int allowed = is.getMaxNgramDiff();
        if (max - min > allowed) {
            throw new IllegalArgumentException("The difference between max_gram and min_gram in " + what + " must be less than or equal to: ["
                    + allowed + "] but was [" + (max - min) + "]. This limit can be set by changing the ["
                    + IndexSettings.MAX_NGRAM_DIFF_SETTING.getKey() + "] index level setting.");
        }
    }

    /** Returns null (= every character) when token_chars is not set. */
    private static Predicate<Integer> tokenChars(final Settings s) {
        final List<String> classes = s.getAsList("token_chars");
        if (classes.isEmpty()) {
            return null;
        }
        final String custom = s.get("custom_token_chars", "");
        final List<Predicate<Integer>> tests = new ArrayList<>();
        for (final String c : classes) {
            switch (c.toLowerCase(Locale.ROOT)) {
                case "letter" -> tests.add(Character::isLetter);
                case "digit" -> tests.add(Character::isDigit);
                case "whitespace" -> tests.add(Character::isWhitespace);
                case "punctuation" -> tests.add(cp -> switch (Character.getType(cp)) {
                    case Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.OTHER_PUNCTUATION,
                            Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                            Character.FINAL_QUOTE_PUNCTUATION -> true;
                    default -> false;
                });
                case "symbol" -> tests.add(cp -> switch (Character.getType(cp)) {
                    case Character.CURRENCY_SYMBOL, Character.MATH_SYMBOL, Character.OTHER_SYMBOL, Character.MODIFIER_SYMBOL -> true;
                    default -> false;
                });
                case "custom" -> tests.add(cp -> custom.codePoints().anyMatch(x -> x == cp));
                default -> throw new IllegalArgumentException("Unknown token type: '" + c + "'");
            }
        }
        return cp -> tests.stream().anyMatch(t -> t.test(cp));
    }

    private static Function<TokenStream, TokenStream> stemmer(final String language) {
        switch (language.toLowerCase(Locale.ROOT)) {
            case "english", "porter":
                return PorterStemFilter::new;
            case "light_english", "kstem":
                return KStemFilter::new;
            case "minimal_english":
                return EnglishMinimalStemFilter::new;
            case "possessive_english":
                return EnglishPossessiveFilter::new;
            case "porter2":
                return ts -> new SnowballFilter(ts, snowballStemmer("English"));
            case "light_french":
                return FrenchLightStemFilter::new;
            case "minimal_french":
                return FrenchMinimalStemFilter::new;
            case "light_german":
                return GermanLightStemFilter::new;
            case "minimal_german":
                return GermanMinimalStemFilter::new;
            case "light_spanish":
                return SpanishLightStemFilter::new;
            case "light_italian":
                return ItalianLightStemFilter::new;
            case "light_portuguese":
                return PortugueseLightStemFilter::new;
            case "minimal_portuguese":
                return PortugueseMinimalStemFilter::new;
            default:
                // french, german, spanish, italian, portuguese, dutch, russian, ...: Snowball.
                snowballStemmer(language);
                return ts -> new SnowballFilter(ts, snowballStemmer(language));
        }
    }

    private static SnowballStemmer snowballStemmer(final String language) {
        final String lang = language.substring(0, 1).toUpperCase(Locale.ROOT) + language.substring(1).toLowerCase(Locale.ROOT);
        try {
            return (SnowballStemmer) Class.forName("org.tartarus.snowball.ext." + lang + "Stemmer").getConstructor().newInstance();
        } catch (final ReflectiveOperationException e) {
            throw new IllegalArgumentException("CI stand-in: unsupported stemmer language [" + language + "]", e);
        }
    }
}
