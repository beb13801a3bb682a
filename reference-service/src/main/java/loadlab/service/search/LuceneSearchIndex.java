package loadlab.service.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

import loadlab.service.model.Post;

/**
 * The search index on Lucene, in memory. Queries match posts that contain every word (after
 * Lucene's standard analysis) and return them newest first, as a social network's search does;
 * the query is built from terms, never parsed, so no user input can make it fail.
 */
public final class LuceneSearchIndex implements SearchIndex {
    private static final String ID = "id";
    private static final String TEXT = "text";

    private final Analyzer analyzer = new StandardAnalyzer();
    private volatile Generation current;

    /** One directory with its writer and searchers; a rebuild makes a new one and swaps it in. */
    private record Generation(Directory directory, IndexWriter writer, SearcherManager searchers) {
        void close() throws IOException {
            searchers.close();
            writer.close();
            directory.close();
        }
    }

    public LuceneSearchIndex() {
        this.current = newGeneration();
    }

    private Generation newGeneration() {
        try {
            Directory directory = new ByteBuffersDirectory();
            IndexWriterConfig config = new IndexWriterConfig(analyzer);
            config.setRAMBufferSizeMB(64);
            IndexWriter writer = new IndexWriter(directory, config);
            return new Generation(directory, writer, new SearcherManager(writer, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void add(List<Post> posts) {
        add(current, posts);
    }

    private static void add(Generation generation, List<Post> posts) {
        try {
            for (Post p : posts) generation.writer().updateDocument(new Term(ID, Long.toString(p.id())), document(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(Post p) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(p.id()), Field.Store.NO));
        doc.add(new NumericDocValuesField("id_sort", p.id()));
        doc.add(new StoredField("id_stored", p.id()));
        doc.add(new TextField(TEXT, p.text(), Field.Store.NO));
        return doc;
    }

    @Override
    public void refresh() {
        try {
            current.searchers().maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Long> search(String query, int limit) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        int terms = 0;
        try (TokenStream tokens = analyzer.tokenStream(TEXT, query)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                q.add(new TermQuery(new Term(TEXT, term.toString())), BooleanClause.Occur.MUST);
                terms++;
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (terms == 0) return List.of();
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(q.build(), limit, new Sort(new SortField("id_sort", SortField.Type.LONG, true)));
            List<Long> ids = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc hit : top.scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).getField("id_stored").numericValue().longValue());
            }
            return ids;
        });
    }

    @Override
    public boolean contains(long postId) {
        return withSearcher(searcher -> searcher.count(new TermQuery(new Term(ID, Long.toString(postId)))) > 0);
    }

    @Override
    public long size() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public void rebuild(Consumer<Consumer<Post>> feeder) {
        Generation fresh = newGeneration();
        List<Post> batch = new ArrayList<>(10_000);
        feeder.accept(post -> {
            batch.add(post);
            if (batch.size() == 10_000) {
                add(fresh, batch);
                batch.clear();
            }
        });
        add(fresh, batch);
        try {
            fresh.searchers().maybeRefreshBlocking();
            Generation old = current;
            current = fresh;
            old.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            return withSearcher(current.searchers(), work);
        } catch (AlreadyClosedException swappedByRebuild) {
            return withSearcher(current.searchers(), work);
        }
    }

    private static <T> T withSearcher(SearcherManager searchers, SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            current.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
