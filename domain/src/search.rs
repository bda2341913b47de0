//! In-memory full-text search over the procedure catalogue, built for citizens typing on phones:
//! accent-insensitive (`giay phep xay dung` finds "Cấp giấy phép xây dựng", `đ` = `d`), tolerant
//! of one typo per word, prefix-matching the word being typed, and ranked name > keywords >
//! description with a bonus for words that follow each other in the name.
//!
//! The whole index is a few megabytes for a national catalogue (6,800 procedures), so every
//! instance keeps its own copy and rebuilds it when the catalogue's revision changes (see
//! `catalogue_index`); queries never touch the database.

use std::collections::HashMap;

use crate::text::fold;

/// Where in a procedure a word was found; earlier variants weigh more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Zone {
    /// The official name.
    Name = 0,
    /// Words citizens type for it.
    Keywords = 1,
    /// The plain-language description.
    Description = 2,
}

impl Zone {
    fn weight(self) -> f32 {
        match self {
            Zone::Name => 10.0,
            Zone::Keywords => 6.0,
            Zone::Description => 1.5,
        }
    }
}

/// The text of one document to index.
#[derive(Clone, Debug, Default)]
pub struct SearchDocument {
    /// Official name (with diacritics; highlighting refers to it).
    pub name: String,
    /// Keywords.
    pub keywords: Vec<String>,
    /// Description.
    pub description: String,
    /// The procedure code, matched exactly (`1.001193`).
    pub code: String,
}

/// One posting: a document and a word position in a zone.
#[derive(Clone, Copy, Debug)]
struct Posting {
    doc: u32,
    zone: Zone,
    position: u16,
}

/// A search hit: document index, score, and the byte ranges of the name to highlight.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index of the document in the order given to [`SearchIndex::build`].
    pub doc: usize,
    /// Relevance; higher is better.
    pub score: f32,
    /// Byte ranges of `name` that matched the query.
    pub highlights: Vec<(usize, usize)>,
}

/// The inverted index.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Folded term → postings.
    terms: HashMap<String, Vec<Posting>>,
    /// Every term, sorted, for prefix and typo expansion.
    vocabulary: Vec<String>,
    /// Per document: the name's words with their byte ranges and folded forms.
    names: Vec<Vec<(usize, usize, String)>>,
    /// Per document: folded code.
    codes: Vec<String>,
}

/// Splits text into words with byte ranges, folding each (the same boundaries as [`fold`]).
fn words(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push((s, i, fold(&text[s..i])));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len(), fold(&text[s..])));
    }
    out
}

/// For one document and one query word: the best score and, if found in the name, where.
type WordMatch = Option<(f32, Option<u16>)>;

/// How a query word matched an index term.
#[derive(Clone, Copy, Debug, PartialEq)]
enum MatchKind {
    Exact,
    Prefix,
    Typo,
}

impl MatchKind {
    fn factor(self) -> f32 {
        match self {
            MatchKind::Exact => 1.0,
            MatchKind::Prefix => 0.75,
            MatchKind::Typo => 0.6,
        }
    }
}

/// Only index words of four letters or more are reached by a typo.
fn is_typo_candidate(term: &str) -> bool {
    term.chars().count() >= 4
}

/// True when `a` and `b` differ by at most one edit (insert, delete, substitute, or swap of two
/// neighbours): the typo model.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    // Folded Vietnamese is ASCII: compare bytes without allocating (the common, hot case).
    if a.is_ascii() && b.is_ascii() {
        return one_edit(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    one_edit(&a, &b)
}

fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if prefix == la && prefix == lb {
        return true;
    }
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    if la == lb {
        // substitution, or transposition of two neighbours
        ra[1..] == rb[1..]
            || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
    } else if la > lb {
        ra[1..] == *rb
    } else {
        *ra == rb[1..]
    }
}

impl SearchIndex {
    /// Builds the index over `docs` (document `i` is `docs[i]`).
    pub fn build(docs: &[SearchDocument]) -> SearchIndex {
        let mut index = SearchIndex::default();
        for (i, doc) in docs.iter().enumerate() {
            let doc_id = u32::try_from(i).unwrap_or(u32::MAX);
            let name_words = words(&doc.name);
            let keyword_words: Vec<String> = doc
                .keywords
                .iter()
                .flat_map(|k| words(k).into_iter().map(|(_, _, w)| w))
                .collect();
            let description_words: Vec<String> = words(&doc.description)
                .into_iter()
                .map(|(_, _, w)| w)
                .collect();
            for (zone, list) in [
                (
                    Zone::Name,
                    name_words.iter().map(|w| w.2.clone()).collect::<Vec<_>>(),
                ),
                (Zone::Keywords, keyword_words),
                (Zone::Description, description_words),
            ] {
                for (position, word) in list.into_iter().enumerate() {
                    index.terms.entry(word).or_default().push(Posting {
                        doc: doc_id,
                        zone,
                        position: u16::try_from(position).unwrap_or(u16::MAX),
                    });
                }
            }
            index.names.push(name_words);
            index.codes.push(fold(&doc.code));
        }
        index.vocabulary = index.terms.keys().cloned().collect();
        index.vocabulary.sort_unstable();
        index
    }

    /// Number of indexed documents.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Index terms a query word stands for: itself, longer words it begins (only for the last
    /// word, which the user may still be typing), and words of four letters or more one typo
    /// away (shorter Vietnamese syllables are too often one edit from another real word: "gia"
    /// and "giay").
    fn expand(&self, word: &str, is_last: bool, single: bool) -> Vec<(&str, MatchKind)> {
        let mut out = Vec::new();
        if let Some((term, _)) = self.terms.get_key_value(word) {
            out.push((term.as_str(), MatchKind::Exact));
        }
        // One letter is enough as a prefix after other words ("khai t"), not alone.
        if is_last && word.chars().count() >= if single { 2 } else { 1 } {
            let start = self.vocabulary.partition_point(|t| t.as_str() < word);
            for term in self.vocabulary[start..]
                .iter()
                .take_while(|t| t.starts_with(word))
            {
                if term != word {
                    out.push((term.as_str(), MatchKind::Prefix));
                }
            }
        }
        if word.chars().count() >= 3 {
            for term in &self.vocabulary {
                if term != word
                    && is_typo_candidate(term)
                    && term.len().abs_diff(word.len()) <= 1
                    && within_one_edit(term, word)
                {
                    out.push((term.as_str(), MatchKind::Typo));
                }
            }
        }
        out
    }

    /// Searches; every hit matches at least most of the query's words (all of them when the
    /// query has one or two), ranked best first.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let folded = fold(query);
        let query_words: Vec<&str> = folded.split_whitespace().take(12).collect();
        if query_words.is_empty() {
            return Vec::new();
        }
        let n = query_words.len();
        // Per document and query word: best (score, name position if matched in the name), in
        // one flat table (documents × words) rather than a map, since common words touch
        // thousands of documents.
        let mut table: Vec<WordMatch> = vec![None; self.names.len() * n];
        let mut touched: Vec<u32> = Vec::new();
        for (qi, word) in query_words.iter().enumerate() {
            for (term, kind) in self.expand(word, qi + 1 == n, n == 1) {
                let Some(postings) = self.terms.get(term) else {
                    continue;
                };
                for p in postings {
                    let score = p.zone.weight() * kind.factor();
                    let row = p.doc as usize * n;
                    if table[row..row + n].iter().all(Option::is_none) {
                        touched.push(p.doc);
                    }
                    let slot = &mut table[row + qi];
                    let name_pos = (p.zone == Zone::Name).then_some(p.position);
                    match slot {
                        Some((best, pos)) if *best >= score => {
                            if pos.is_none() && name_pos.is_some() && *best == score {
                                *pos = name_pos;
                            }
                        }
                        _ => *slot = Some((score, name_pos)),
                    }
                }
            }
        }
        // A code typed exactly ("1.001193") is a perfect match.
        let code_query = folded.clone();
        let required = if n <= 2 { n } else { n - n / 3 };
        let mut coverage: HashMap<usize, usize> = HashMap::new();
        let mut hits: Vec<Hit> = touched
            .into_iter()
            .filter_map(|doc| {
                let slots = &table[doc as usize * n..(doc as usize + 1) * n];
                let matched = slots.iter().filter(|s| s.is_some()).count();
                if matched < required {
                    return None;
                }
                coverage.insert(doc as usize, matched);
                let mut score: f32 = slots.iter().flatten().map(|(s, _)| s).sum();
                // Words that follow each other in the name, as in the query: phrase bonus.
                let positions: Vec<Option<u16>> =
                    slots.iter().map(|s| s.and_then(|(_, p)| p)).collect();
                for pair in positions.windows(2) {
                    if let [Some(a), Some(b)] = pair {
                        if *b == a + 1 {
                            score += 4.0;
                        }
                    }
                }
                // Prefer names the query covers more completely ("Đăng ký khai sinh" before
                // "Đăng ký khai sinh có yếu tố nước ngoài" for "khai sinh").
                let name_len = self.names[doc as usize].len().max(1) as f32;
                let in_name = positions.iter().filter(|p| p.is_some()).count() as f32;
                score += 6.0 * in_name / name_len;
                score *= matched as f32 / n as f32;
                Some(Hit {
                    doc: doc as usize,
                    score,
                    highlights: Vec::new(),
                })
            })
            .collect();
        for (doc, code) in self.codes.iter().enumerate() {
            if !code.is_empty() && *code == code_query {
                hits.retain(|h| h.doc != doc);
                coverage.remove(&doc);
                hits.push(Hit {
                    doc,
                    score: f32::MAX,
                    highlights: Vec::new(),
                });
            }
        }
        // Keep only the documents that match as many of the query's words as the best one does:
        // when some procedure has every word, the ones missing a word are noise.
        if let Some(best) = coverage.values().max().copied() {
            hits.retain(|h| coverage.get(&h.doc).is_none_or(|c| *c == best));
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits
    }

    /// Byte ranges of document `doc`'s name that match the query's words (exactly, as a prefix
    /// of the last word, or with one typo), for `<mark>` highlighting.
    pub fn highlights(&self, doc: usize, query: &str) -> Vec<(usize, usize)> {
        let folded = fold(query);
        let query_words: Vec<&str> = folded.split_whitespace().take(12).collect();
        let n = query_words.len();
        let Some(name) = self.names.get(doc) else {
            return Vec::new();
        };
        name.iter()
            .filter(|(_, _, w)| {
                query_words.iter().enumerate().any(|(i, q)| {
                    w == q
                        || (i + 1 == n && (n > 1 || q.chars().count() >= 2) && w.starts_with(q))
                        || (q.chars().count() >= 3 && is_typo_candidate(w) && within_one_edit(w, q))
                })
            })
            .map(|(s, e, _)| (*s, *e))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rstest::rstest;

    fn doc(name: &str, keywords: &[&str], description: &str) -> SearchDocument {
        SearchDocument {
            name: name.into(),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            description: description.into(),
            code: String::new(),
        }
    }

    fn sample() -> (Vec<SearchDocument>, SearchIndex) {
        let docs = vec![
            doc(
                "Đăng ký khai sinh",
                &["giấy khai sinh"],
                "Đăng ký cho trẻ em mới sinh",
            ),
            doc(
                "Đăng ký khai sinh có yếu tố nước ngoài",
                &[],
                "Trẻ có cha hoặc mẹ là người nước ngoài",
            ),
            doc(
                "Cấp giấy phép xây dựng nhà ở riêng lẻ",
                &["xin phép xây nhà"],
                "Nhà ở của hộ gia đình",
            ),
            doc(
                "Đăng ký kết hôn",
                &["cưới", "giấy chứng nhận kết hôn"],
                "Nam nữ đăng ký kết hôn",
            ),
            doc("Đăng ký khai tử", &["báo tử"], "Khi người thân qua đời"),
        ];
        let index = SearchIndex::build(&docs);
        (docs, index)
    }

    #[rstest]
    #[case("khai sinh", 0)]
    #[case("giay phep xay dung", 2)]
    #[case("giấy phép xây dựng", 2)]
    #[case("dang ky ket hon", 3)]
    #[case("ket hon", 3)]
    #[case("cuoi", 3)]
    #[case("khia sinh", 0)] // transposed letters
    #[case("xay dng", 2)] // a letter missing
    #[case("khai t", 4)] // still typing
    #[case("bao tu", 4)] // keyword
    fn finds_the_expected_first_hit(#[case] query: &str, #[case] expected: usize) {
        let (_, index) = sample();
        let hits = index.search(query);
        assert_eq!(
            hits.first().map(|h| h.doc),
            Some(expected),
            "{query}: {hits:?}"
        );
    }

    #[test]
    fn name_outranks_description() {
        let (_, index) = sample();
        let hits = index.search("nuoc ngoai");
        assert_eq!(hits.first().map(|h| h.doc), Some(1));
    }

    #[test]
    fn unrelated_queries_find_nothing() {
        let (_, index) = sample();
        assert!(index.search("zzzz qqqq").is_empty());
        assert!(index.search("").is_empty());
    }

    #[test]
    fn highlights_cover_the_matching_words_of_the_name() {
        let (docs, index) = sample();
        let ranges = index.highlights(2, "giay phep");
        let marked: Vec<&str> = ranges.iter().map(|(s, e)| &docs[2].name[*s..*e]).collect();
        assert_eq!(marked, vec!["giấy", "phép"]);
    }

    #[rstest]
    #[case("sinh", "sinh", true)]
    #[case("sinh", "snh", true)]
    #[case("sinh", "sihn", true)]
    #[case("sinh", "sinhh", true)]
    #[case("sinh", "xinh", true)]
    #[case("sinh", "xihn", false)]
    #[case("ab", "abcd", false)]
    fn one_edit_model(#[case] a: &str, #[case] b: &str, #[case] expected: bool) {
        assert_eq!(within_one_edit(a, b), expected);
        assert_eq!(within_one_edit(b, a), expected);
    }

    proptest! {
        #[test]
        fn any_single_deletion_is_within_one_edit(word in "[a-z]{2,10}", at in 0usize..10) {
            let at = at % word.len();
            let mut typo = word.clone();
            typo.remove(at);
            prop_assert!(within_one_edit(&word, &typo));
        }

        #[test]
        fn search_never_panics_and_scores_are_ordered(query in "\\PC{0,40}") {
            let (_, index) = sample();
            let hits = index.search(&query);
            for pair in hits.windows(2) {
                prop_assert!(pair[0].score >= pair[1].score);
            }
        }
    }
}
