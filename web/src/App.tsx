import { Center, Loader } from "@mantine/core";
import { lazy, Suspense } from "react";
import { Navigate, Route, Routes } from "react-router-dom";
import { Shell } from "./components/Shell";
import { ChangePasswordPage } from "./pages/ChangePasswordPage";
import { HomePage } from "./pages/HomePage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { SessionProvider, useSession } from "./session";

// Each screen loads when first opened, so an operator's old laptop downloads only what it uses.
const AuditPage = lazy(() => import("./pages/AuditPage").then((m) => ({ default: m.AuditPage })));
const ScorecardPage = lazy(() => import("./pages/ScorecardPage").then((m) => ({ default: m.ScorecardPage })));
const DeadlinesPage = lazy(() => import("./pages/DeadlinesPage").then((m) => ({ default: m.DeadlinesPage })));
const CompletenessPage = lazy(() =>
  import("./pages/CompletenessPage").then((m) => ({ default: m.CompletenessPage })),
);
const DataEntryPage = lazy(() => import("./pages/DataEntryPage").then((m) => ({ default: m.DataEntryPage })));
const Dhis2ImportPage = lazy(() =>
  import("./pages/Dhis2ImportPage").then((m) => ({ default: m.Dhis2ImportPage })),
);
const DataUploadPage = lazy(() =>
  import("./pages/DataUploadPage").then((m) => ({ default: m.DataUploadPage })),
);
const EvaluationPage = lazy(() =>
  import("./pages/EvaluationPage").then((m) => ({ default: m.EvaluationPage })),
);
const IndicatorDefinitionsPage = lazy(() =>
  import("./pages/IndicatorDefinitionsPage").then((m) => ({ default: m.IndicatorDefinitionsPage })),
);
const OrgUnitsPage = lazy(() => import("./pages/OrgUnitsPage").then((m) => ({ default: m.OrgUnitsPage })));
const PlanImportPage = lazy(() =>
  import("./pages/PlanImportPage").then((m) => ({ default: m.PlanImportPage })),
);
const LkjipPage = lazy(() => import("./pages/LkjipPage").then((m) => ({ default: m.LkjipPage })));
const RenstraPage = lazy(() => import("./pages/RenstraPage").then((m) => ({ default: m.RenstraPage })));
const PlanPage = lazy(() => import("./pages/PlanPage").then((m) => ({ default: m.PlanPage })));
const SkmPage = lazy(() => import("./pages/SkmPage").then((m) => ({ default: m.SkmPage })));
const PopulationsPage = lazy(() =>
  import("./pages/PopulationsPage").then((m) => ({ default: m.PopulationsPage })),
);
const SpmPage = lazy(() => import("./pages/SpmPage").then((m) => ({ default: m.SpmPage })));
const DataSetsPage = lazy(() => import("./pages/DataSetsPage").then((m) => ({ default: m.DataSetsPage })));
const DataSetPage = lazy(() => import("./pages/DataSetPage").then((m) => ({ default: m.DataSetPage })));
const DataElementsPage = lazy(() =>
  import("./pages/DataElementsPage").then((m) => ({ default: m.DataElementsPage })),
);
const UsersPage = lazy(() => import("./pages/UsersPage").then((m) => ({ default: m.UsersPage })));

export function App() {
  const session = useSession();
  if (session.isPending)
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  const user = session.data?.user;
  if (!user) return <LoginPage />;
  return (
    <SessionProvider user={user}>
      <Shell>
        {user.mustChangePassword ? (
          <ChangePasswordPage />
        ) : (
          <Suspense fallback={<Loader size="sm" />}>
            <Routes>
              <Route path="/" element={<HomePage />} />
              <Route path="/renstra" element={<RenstraPage />} />
              <Route path="/renstra/:planId" element={<RenstraPage />} />
              <Route path="/lkjip" element={<LkjipPage />} />
              <Route path="/lkjip/:planId" element={<LkjipPage />} />
              <Route path="/rencana" element={<PlanPage />} />
              <Route path="/rencana/impor" element={<PlanImportPage />} />
              <Route path="/rencana/:planId" element={<PlanPage />} />
              <Route path="/spm" element={<SpmPage />} />
              <Route path="/sasaran" element={<PopulationsPage />} />
              <Route path="/skm" element={<SkmPage />} />
              <Route path="/evaluasi" element={<EvaluationPage />} />
              <Route path="/evaluasi/:planId" element={<EvaluationPage />} />
              <Route path="/isian" element={<DataEntryPage />} />
              <Route path="/indikator" element={<IndicatorDefinitionsPage />} />
              <Route path="/unggah-isian" element={<DataUploadPage />} />
              <Route path="/impor-dhis2" element={<Dhis2ImportPage />} />
              <Route path="/kelengkapan" element={<CompletenessPage />} />
              <Route path="/skor-kartu" element={<ScorecardPage />} />
              <Route path="/unit-organisasi" element={<OrgUnitsPage />} />
              <Route path="/pengguna" element={<UsersPage />} />
              <Route path="/audit" element={<AuditPage />} />
              <Route path="/tenggat" element={<DeadlinesPage />} />
              <Route path="/formulir-data" element={<DataSetsPage />} />
              <Route path="/formulir-data/baru" element={<DataSetPage />} />
              <Route path="/formulir-data/:id" element={<DataSetPage />} />
              <Route path="/elemen-data" element={<DataElementsPage />} />
              <Route path="/kata-sandi" element={<ChangePasswordPage />} />
              <Route path="/masuk" element={<Navigate to="/" replace />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        )}
      </Shell>
    </SessionProvider>
  );
}
