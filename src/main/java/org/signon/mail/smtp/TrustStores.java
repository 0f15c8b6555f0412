package org.signon.mail.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.signon.SignonException.Kind;
import org.signon.mail.MailException;

/**
 * TLS trust for the SMTP connection: the JDK's default certificate authorities plus, with
 * {@code smtp.truststore}, the certificates in that keystore (a private CA or a relay's
 * self-signed certificate). Certificates are always verified; there is no trust-all.
 */
final class TrustStores {

    private TrustStores() {
    }

    /** A socket factory trusting the JDK defaults and the certificates in {@code store}. */
    static SSLSocketFactory socketFactory(Path store, String password, String type) {
        KeyStore extra = load(store, password, type);
        try {
            X509TrustManager trust = new EitherTrustManager(List.of(trustManager(extra), trustManager(null)));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new MailException(Kind.CONFIG, store, 0, "smtp.truststore", "cannot use truststore: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path store, String password, String type) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance(type);
            keyStore.load(in, password.isEmpty() ? null : password.toCharArray());
            if (keyStore.size() == 0) {
                throw new MailException(Kind.CONFIG, store, 0, "smtp.truststore", "truststore holds no certificates", null);
            }
            return keyStore;
        } catch (NoSuchFileException e) {
            throw new MailException(Kind.CONFIG, store, 0, "smtp.truststore", "truststore not found", e);
        } catch (IOException | GeneralSecurityException e) {
            throw new MailException(Kind.CONFIG, store, 0, "smtp.truststore",
                    "cannot read truststore (type " + type + "; check smtp.truststore.type and smtp.truststore.password): "
                            + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }

    /** Trusts a server chain that any of its managers trusts; client checks are never used. */
    private static final class EitherTrustManager implements X509TrustManager {

        private final List<X509TrustManager> managers;

        EitherTrustManager(List<X509TrustManager> managers) {
            this.managers = List.copyOf(managers);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException last = null;
            for (X509TrustManager manager : managers) {
                try {
                    manager.checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    last = e;
                }
            }
            throw last;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("signon does not accept client connections");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>();
            for (X509TrustManager manager : managers) {
                all.addAll(List.of(manager.getAcceptedIssuers()));
            }
            return all.toArray(new X509Certificate[0]);
        }
    }
}
